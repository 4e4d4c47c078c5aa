package org.customerportal.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per test JVM, started on first use. Set {@code PORTAL_TEST_DB_URL}
 * (with {@code PORTAL_TEST_DB_USERNAME} and {@code PORTAL_TEST_DB_PASSWORD}) to use a server of your
 * own instead.
 */
public final class TestPostgres {

	private static volatile EmbeddedPostgres server;

	private TestPostgres() {
	}

	public static String jdbcUrl() {
		String external = System.getenv("PORTAL_TEST_DB_URL");
		if (external != null && !external.isBlank()) {
			return external;
		}
		return server().getJdbcUrl("postgres", "postgres");
	}

	public static String username() {
		String external = System.getenv("PORTAL_TEST_DB_USERNAME");
		return external != null ? external : "postgres";
	}

	public static String password() {
		String external = System.getenv("PORTAL_TEST_DB_PASSWORD");
		return external != null ? external : "postgres";
	}

	private static EmbeddedPostgres server() {
		if (server == null) {
			synchronized (TestPostgres.class) {
				if (server == null) {
					try {
						EmbeddedPostgres started = EmbeddedPostgres.builder()
							.setServerConfig("max_connections", "200")
							.setServerConfig("fsync", "off")
							.setServerConfig("synchronous_commit", "off")
							.start();
						AfterSpringShutdown.register("postgres", () -> {
							try {
								started.close();
							}
							catch (IOException ignored) {
								// the JVM is going away
							}
						});
						server = started;
					}
					catch (IOException ex) {
						throw new UncheckedIOException("Could not start the embedded PostgreSQL server", ex);
					}
				}
			}
		}
		return server;
	}

}
