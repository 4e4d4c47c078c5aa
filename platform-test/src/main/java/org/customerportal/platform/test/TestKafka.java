package org.customerportal.platform.test;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft, in this JVM) per test JVM, started on first use. Set
 * {@code PORTAL_TEST_KAFKA} to bootstrap servers of your own instead.
 */
public final class TestKafka {

	private static volatile EmbeddedKafkaKraftBroker broker;

	private TestKafka() {
	}

	public static String bootstrapServers() {
		String external = System.getenv("PORTAL_TEST_KAFKA");
		if (external != null && !external.isBlank()) {
			return external;
		}
		if (broker == null) {
			synchronized (TestKafka.class) {
				if (broker == null) {
					EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 3);
					started.brokerProperty("auto.create.topics.enable", "true");
					started.brokerProperty("group.initial.rebalance.delay.ms", "0");
					started.afterPropertiesSet();
					AfterSpringShutdown.register("kafka", started::destroy);
					broker = started;
				}
			}
		}
		return broker.getBrokersAsString();
	}

}
