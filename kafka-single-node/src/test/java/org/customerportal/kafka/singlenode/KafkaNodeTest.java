package org.customerportal.kafka.singlenode;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaNodeTest {

	@Test
	void aPlaintextBrokerListensOnLoopbackAndCreatesTopicsOnFirstUse() {
		KafkaNode node = KafkaNode.plaintext(19092, 19093, Path.of("data"));

		assertThat(node.properties()).containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
			.containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
			.containsEntry("auto.create.topics.enable", "true")
			.containsEntry("offsets.topic.replication.factor", "1")
			.doesNotContainKey("authorizer.class.name");
	}

	@Test
	void aSecuredBrokerTakesTokensOnTheListenerAndKeepsPlaintextToLoopbackAdmins() {
		KafkaNode node = new KafkaNode(9092, 9093, Path.of("data"), 3, false,
				new KafkaNode.OAuth(9094, "http://localhost:8180/realms/portal", "file:/keys/jwks.json", "kafka"));

		assertThat(node.properties())
			.containsEntry("listeners", "EXTERNAL://127.0.0.1:9092,INTERNAL://127.0.0.1:9094,CONTROLLER://127.0.0.1:9093")
			.containsEntry("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,INTERNAL:PLAINTEXT,EXTERNAL:SASL_PLAINTEXT")
			.containsEntry("sasl.oauthbearer.jwks.endpoint.url", "file:/keys/jwks.json")
			.containsEntry("sasl.oauthbearer.sub.claim.name", "azp")
			.containsEntry("allow.everyone.if.no.acl.found", "false")
			.containsEntry("auto.create.topics.enable", "false")
			.containsEntry("num.partitions", "3");
		assertThat(node.render()).contains("\nsuper.users=User:ANONYMOUS\n");
		assertThat(node.security().allowedUrlsJvmOption())
			.isEqualTo("-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=file:/keys/jwks.json");
	}

}
