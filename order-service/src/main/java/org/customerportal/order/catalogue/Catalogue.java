package org.customerportal.order.catalogue;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.customerportal.order.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The products on sale and their prices, as the database migrations define them.
 */
@Component
public class Catalogue {

	private static final String SELECT = """
			select code, name, quota_unit, current_version, currency, annual_unit_price, perpetual_unit_price,
			       maintenance_unit_price
			from product
			""";

	private final JdbcClient jdbc;

	Catalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Product> products() {
		return jdbc.sql(SELECT + " order by name").query(Catalogue::product).list();
	}

	public Optional<Product> product(String code) {
		return jdbc.sql(SELECT + " where code = ?").param(code).query(Catalogue::product).optional();
	}

	private static Product product(ResultSet rs, int row) throws SQLException {
		String currency = rs.getString("currency");
		return new Product(rs.getString("code"), rs.getString("name"), rs.getString("quota_unit"),
				rs.getInt("current_version"), money(rs.getBigDecimal("annual_unit_price"), currency),
				money(rs.getBigDecimal("perpetual_unit_price"), currency),
				money(rs.getBigDecimal("maintenance_unit_price"), currency));
	}

	private static Money money(BigDecimal amount, String currency) {
		return amount == null ? null : new Money(amount, currency);
	}

}
