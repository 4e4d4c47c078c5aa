package org.customerportal.order.catalogue;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.customerportal.order.LicenseType;
import org.customerportal.order.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The products on sale and their prices in each currency's price list, as sales staff keep them.
 */
@Component
public class Catalogue {

	// a price counts only for a licence type the product is sold as
	private static final String PRICED = """
			select p.code, p.name, p.quota_unit, p.current_version, pr.currency,
			       case when p.sold_annual then pr.annual_unit_price end as annual_unit_price,
			       case when p.sold_perpetual then pr.perpetual_unit_price end as perpetual_unit_price,
			       case when p.sold_perpetual then pr.maintenance_unit_price end as maintenance_unit_price,
			       case when p.sold_perpetual then pr.upgrade_unit_price end as upgrade_unit_price
			from product p join price pr on pr.product = p.code
			where pr.currency = :currency
			""";

	private static final String DEFINED = """
			select code, name, quota_unit, current_version, sold_annual, sold_perpetual, version, updated_at, updated_by
			from product
			""";

	private final JdbcClient jdbc;

	Catalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The products priced in the currency's price list, by name. */
	public List<Product> products(String currency) {
		return jdbc.sql(PRICED + " and (pr.annual_unit_price is not null or pr.perpetual_unit_price is not null) order by p.name")
			.param("currency", currency)
			.query(Catalogue::product)
			.list()
			.stream()
			.filter(product -> !product.licenseTypes().isEmpty())
			.toList();
	}

	/** The product with its prices in the currency, if the currency's price list has it. */
	public Optional<Product> product(String code, String currency) {
		return jdbc.sql(PRICED + " and p.code = :code")
			.param("currency", currency)
			.param("code", code)
			.query(Catalogue::product)
			.optional();
	}

	/** What the product is, whatever its prices. */
	public Optional<ProductDefinition> definition(String code) {
		return jdbc.sql(DEFINED + " where code = ?").param(code).query(Catalogue::definition).optional();
	}

	List<ProductDefinition> definitions() {
		return jdbc.sql(DEFINED + " order by name").query(Catalogue::definition).list();
	}

	/** Whether there is a price list in this currency. */
	public boolean hasPriceList(String currency) {
		return jdbc.sql("select exists (select 1 from price_list where currency = ?)")
			.param(currency)
			.query(Boolean.class)
			.single();
	}

	private static Product product(ResultSet rs, int row) throws SQLException {
		String currency = rs.getString("currency");
		return new Product(rs.getString("code"), rs.getString("name"), rs.getString("quota_unit"),
				rs.getInt("current_version"), money(rs.getBigDecimal("annual_unit_price"), currency),
				money(rs.getBigDecimal("perpetual_unit_price"), currency),
				money(rs.getBigDecimal("maintenance_unit_price"), currency),
				money(rs.getBigDecimal("upgrade_unit_price"), currency));
	}

	private static ProductDefinition definition(ResultSet rs, int row) throws SQLException {
		Set<LicenseType> types = EnumSet.noneOf(LicenseType.class);
		if (rs.getBoolean("sold_annual")) {
			types.add(LicenseType.ANNUAL);
		}
		if (rs.getBoolean("sold_perpetual")) {
			types.add(LicenseType.PERPETUAL);
		}
		return new ProductDefinition(rs.getString("code"), rs.getString("name"), rs.getString("quota_unit"),
				types, rs.getInt("current_version"), rs.getLong("version"),
				rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
	}

	private static Money money(BigDecimal amount, String currency) {
		return amount == null ? null : new Money(amount, currency);
	}

}
