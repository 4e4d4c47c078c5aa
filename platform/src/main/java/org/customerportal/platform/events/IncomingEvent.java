package org.customerportal.platform.events;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A CloudEvent read from a topic, its data not yet bound to a type.
 */
public record IncomingEvent(String id, String type, String source, Instant time, String subject, JsonNode data) {
}
