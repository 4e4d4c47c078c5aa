package org.customerportal.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topics topics this service creates at start-up if missing (what it publishes, and the
 * dead-letter topics of what it consumes)
 * @param partitions partitions of a created topic
 * @param replicas replication factor of a created topic
 * @param resubmitInterval how often publications that failed (Kafka down) are sent again
 * @param staleAfter a publication still incomplete this long after it was (re)sent is taken as lost (its
 * pod stopped while sending) and sent again; well above the producer's delivery timeout
 * @param retries attempts after the first before an incoming message goes to its dead-letter topic
 * @param retryBackoff the first wait between attempts, doubled each time
 * @param owners the application ({@code spring.application.name}) that owns each topic: only events
 * whose {@code source} is that application's are applied from it; a topic not listed is refused
 */
@ConfigurationProperties("portal.events")
public record PortalEventsProperties(List<String> topics, @DefaultValue("3") int partitions,
		@DefaultValue("1") short replicas, @DefaultValue("30s") Duration resubmitInterval,
		@DefaultValue("5m") Duration staleAfter,
		@DefaultValue("3") int retries, @DefaultValue("500ms") Duration retryBackoff, Map<String, String> owners) {

	public PortalEventsProperties {
		topics = topics == null ? List.of() : List.copyOf(topics);
		owners = owners == null ? Map.of() : Map.copyOf(owners);
	}

}
