package org.customerportal.portal.web;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import org.customerportal.portal.api.Money;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money and dates for the person's locale (the browser's language), used by the templates as
 * {@code ${@fmt.money(order.total)}}.
 */
@Component("fmt")
public class Formats {

	public String money(Money money) {
		if (money == null || money.amount() == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(locale());
		format.setCurrency(Currency.getInstance(money.currency()));
		return format.format(money.amount());
	}

	public String date(LocalDate date) {
		return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
	}

	public String date(Instant instant) {
		return instant == null ? "" : date(LocalDate.ofInstant(instant, ZoneId.of("UTC")));
	}

	public String dateTime(Instant instant) {
		return instant == null ? ""
				: DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
					.withLocale(locale())
					.withZone(ZoneId.of("UTC"))
					.format(instant) + " UTC";
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
