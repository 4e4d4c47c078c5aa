package org.customerportal.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.customerportal.platform.config.DatabaseMigration;
import org.customerportal.platform.test.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's migration Job: the application's Flyway migrations applied to an empty database with
 * the application's own configuration, and nothing else started (Kafka is not even configured here).
 */
class DatabaseMigrationIntegrationTest {

	@Test
	void theMigrationJobMigratesAnEmptyDatabaseAndExits() throws Exception {
		String database = "migration_job_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection admin = connect(TestPostgres.jdbcUrl())) {
			admin.createStatement().execute("create database " + database);
		}
		String url = TestPostgres.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");

		int exit = DatabaseMigration.run("--spring.datasource.url=" + url,
				"--spring.datasource.username=" + TestPostgres.username(),
				"--spring.datasource.password=" + TestPostgres.password(),
				"--spring.kafka.bootstrap-servers=127.0.0.1:1", "--spring.profiles.active=test");

		assertThat(exit).isZero();
		try (Connection migrated = connect(url)) {
			// the platform's outbox and inbox and the application's own table, all in one run
			assertThat(tables(migrated)).contains("event_publication", "inbox_event", "widget", "flyway_schema_history");
		}
		// a second run (the next upgrade without new migrations) has nothing to do and succeeds
		assertThat(DatabaseMigration.run("--spring.datasource.url=" + url,
				"--spring.datasource.username=" + TestPostgres.username(),
				"--spring.datasource.password=" + TestPostgres.password(), "--spring.profiles.active=test")).isZero();
	}

	private static Connection connect(String url) throws Exception {
		return DriverManager.getConnection(url, TestPostgres.username(), TestPostgres.password());
	}

	private static List<String> tables(Connection connection) throws Exception {
		List<String> names = new ArrayList<>();
		try (ResultSet rs = connection.createStatement()
			.executeQuery("select table_name from information_schema.tables where table_schema = 'public'")) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		return names;
	}

}
