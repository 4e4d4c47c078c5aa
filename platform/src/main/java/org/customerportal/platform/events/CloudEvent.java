package org.customerportal.platform.events;

import java.time.Instant;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, as written to the topics.
 */
public record CloudEvent(String specversion, String id, String type, String source, Instant time, String subject,
		String datacontenttype, Object data) {

	public static final String CONTENT_TYPE = "application/cloudevents+json";

	/** The {@code source} of the events an application publishes. */
	static String sourceOf(String applicationName) {
		return "/customer-portal/" + applicationName;
	}

	static CloudEvent wrap(IntegrationEvent event, String source) {
		PortalEvent meta = PortalEvents.metadata(event.getClass());
		return new CloudEvent("1.0", event.eventId().toString(), meta.type(), source, event.occurredAt(),
				event.subject(), "application/json", event);
	}

}
