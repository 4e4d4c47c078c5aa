package org.customerportal.platform.testapp;

import java.time.Instant;
import java.util.UUID;

import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.events.PortalEvent;

@PortalEvent(topic = WidgetCreated.TOPIC, type = "portal.widget.created.v1")
public record WidgetCreated(UUID eventId, Instant occurredAt, UUID widgetId, String name) implements IntegrationEvent {

	public static final String TOPIC = "platform-test.widget.events";

	@Override
	public String subject() {
		return widgetId.toString();
	}

}
