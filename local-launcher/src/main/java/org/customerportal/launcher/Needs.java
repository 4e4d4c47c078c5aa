package org.customerportal.launcher;

/** Infrastructure a service needs running before it starts (PostgreSQL always is, before any service). */
enum Needs {
	KAFKA, KEYCLOAK
}
