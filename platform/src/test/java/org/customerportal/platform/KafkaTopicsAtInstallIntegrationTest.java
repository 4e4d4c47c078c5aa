package org.customerportal.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.customerportal.platform.test.PortalIntegrationTest;
import org.customerportal.platform.test.TestKafka;
import org.customerportal.platform.testapp.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer that starts before anyone declared its topic does not create it with the broker's
 * defaults, although this broker allows automatic creation.
 */
@PortalIntegrationTest(classes = TestApplication.class)
class KafkaTopicsAtInstallIntegrationTest {

	@Autowired
	ConsumerFactory<Object, Object> consumers;

	@Test
	void aConsumerOfATopicNobodyDeclaredDoesNotCreateIt() throws Exception {
		String topic = "platform-test.undeclared";
		try (Consumer<Object, Object> consumer = consumers.createConsumer("platform-test.undeclared-reader", null)) {
			consumer.subscribe(List.of(topic));
			// several metadata round trips: each would have created the topic
			long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
			while (System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(300));
			}
		}
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
			await().during(Duration.ofSeconds(1))
				.atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(admin.listTopics().names().get()).doesNotContain(topic));
		}
	}

}
