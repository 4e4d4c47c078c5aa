package org.customerportal.launcher;

/** The fixed local ports of the project conventions (docs/local-run.md); everything binds to 127.0.0.1. */
final class Ports {

	static final int POSTGRES = 15432;

	static final int KAFKA = 9092;

	static final int KAFKA_CONTROLLER = 9093;

	/** PLAINTEXT, loopback only: the broker itself and the admin step. */
	static final int KAFKA_INTERNAL = 9094;

	static final int KEYCLOAK = 8180;

	static final int KEYCLOAK_MANAGEMENT = 9180;

	static final int SMTP = 3025;

	static final int IMAP = 3143;

	static final int MAIL_HTTP = 8025;

	static final int GATEWAY = 8080;

	static final int PORTAL = 8090;

	private Ports() {
	}

}
