package org.customerportal.launcher;

import java.util.List;

/** What {@code up} prints at the end: where everything is, and the LOCAL-ONLY logins. */
final class Summary {

	/** The realm's demo users (deploy/keycloak/portal-realm.json), password {@code <user>-local}. */
	static final List<String> DEMO_USERS = List.of("alice", "bob", "carol", "dave", "erin", "sam", "sally");

	/** LOCAL ONLY: the realm's client for scripts and tests. */
	static final String PORTAL_CLI_SECRET = "portal-cli-local-secret";

	private final LocalRun run;

	private final Arguments.Scope scope;

	Summary(LocalRun run, Arguments.Scope scope) {
		this.run = run;
		this.scope = scope;
	}

	void print() {
		Console c = run.console();
		StringBuilder out = new StringBuilder();
		out.append("\n").append(c.bold("Customer Portal local run is up")).append(" (").append(c.elapsed())
			.append("). Data and logs: ").append(run.data()).append("\n");
		if (scope.services()) {
			out.append("  ").append(c.bold("Portal")).append("               http://localhost:").append(Ports.PORTAL)
				.append("  (sign in with a demo login below)\n");
			out.append("  Gateway (API)        http://localhost:").append(Ports.GATEWAY).append("/api/...\n");
			out.append("  Swagger UI           http://localhost:").append(Ports.GATEWAY).append("/swagger-ui.html\n");
		}
		if (scope.infrastructure()) {
			String localOnly = c.yellow("LOCAL ONLY");
			out.append("  Keycloak             http://localhost:" + Ports.KEYCLOAK + "  (realm 'portal', issuer " + Keycloak.ISSUER + ")\n");
			out.append("                       admin console http://localhost:" + Ports.KEYCLOAK + "/admin  " + localOnly + " "
					+ Keycloak.ADMIN_USER + "/" + Keycloak.ADMIN_PASSWORD + "\n");
			out.append("  Mail catcher         http://localhost:" + Ports.MAIL_HTTP
					+ "  (REST: GET /api/user/<email>/messages/ ; SMTP localhost:" + Ports.SMTP + ", IMAP localhost:"
					+ Ports.IMAP + ")\n");
			out.append("  PostgreSQL           localhost:" + Ports.POSTGRES + "  databases " + String.join(" ", Postgres.DATABASES)
					+ "  " + localOnly + " user " + Postgres.USER + "/" + Postgres.PASSWORD + "\n");
			out.append("  Kafka                localhost:" + Ports.KAFKA
					+ "  (SASL OAUTHBEARER with a Keycloak client; ACLs: deploy/kafka/topics-and-acls.txt)\n");
			out.append("                       127.0.0.1:" + Ports.KAFKA_INTERNAL + "  " + localOnly
					+ " PLAINTEXT super user, for admin tools\n");
			out.append("  Kafka clients        <service>-kafka / <service>" + ServiceEnvironment.KAFKA_CLIENT_SECRET_SUFFIX
					+ ", billing / billing-local-secret  " + localOnly + "\n");
		}
		out.append("\n  ").append(c.yellow("Demo logins - LOCAL DEVELOPMENT ONLY, never reuse these passwords:")).append("\n");
		for (String user : DEMO_USERS) {
			String role = user.equals("sam") ? "support" : user.equals("sally") ? "sales" : "customer";
			out.append(String.format("    %-6s %-12s %-18s %s%n", user, user + "-local", user + "@example.com", role));
		}
		out.append("  Token for scripts (client portal-cli, secret '" + PORTAL_CLI_SECRET + "' - LOCAL ONLY):\n");
		out.append("    curl -s -d grant_type=password -d client_id=portal-cli -d client_secret=" + PORTAL_CLI_SECRET + " \\\n");
		out.append("         -d username=alice -d password=alice-local \\\n");
		out.append("         " + Keycloak.TOKEN_URL + "\n\n");
		out.append("  Stop everything: ./local-run down    Status: ./local-run status\n");
		System.out.print(out);
	}

}
