package org.customerportal.deploy;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationOAuth;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import org.customerportal.deploy.KafkaAccess.Grant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Strimzi resources of {@code deploy/operators/kafka}, parsed into Strimzi's own model (an unknown
 * kind or a misspelt field fails): a KRaft cluster with node pools whose OAuth listener accepts the
 * realm's Kafka clients, and exactly the topics, users and ACLs the services use, derived from their
 * configuration and sources, which is also what deploy/kafka/topics-and-acls.txt lists.
 */
class KafkaOperatorResourcesTest {

	static final List<HasMetadata> RESOURCES = OperatorResources.typed("kafka");

	static <T extends HasMetadata> List<T> all(Class<T> kind) {
		return RESOURCES.stream().filter(kind::isInstance).map(kind::cast).toList();
	}

	static Kafka kafka() {
		assertThat(all(Kafka.class)).hasSize(1);
		return all(Kafka.class).get(0);
	}

	static GenericKafkaListener clientListener() {
		String bootstrap = (String) OperatorResources.chartValue("global.kafka.bootstrapServers");
		int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
		return kafka().getSpec().getKafka().getListeners().stream()
			.filter(l -> l.getPort() == port)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no listener on the port the chart connects to: " + bootstrap));
	}

	@Test
	void everyResourceIsAStrimziKindAndEveryFieldIsKnownToItsModel() {
		assertThat(RESOURCES).allSatisfy(r -> assertThat(r.getClass().getName()).startsWith("io.strimzi."));
		assertThat(all(Kafka.class)).hasSize(1);
		assertThat(all(KafkaNodePool.class)).hasSizeGreaterThanOrEqualTo(1);
	}

	@Test
	void aMisspeltStrimziFieldIsRefused() {
		String topic = """
				apiVersion: kafka.strimzi.io/v1
				kind: KafkaTopic
				metadata:
				  name: portal.order.events
				spec:
				  partition: 12
				""";

		assertThatThrownBy(() -> RenderedChart.parseStrictly(topic)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("partition");
	}

	@Test
	void runsInKraftModeWithSeparateControllerAndBrokerPools() {
		String cluster = kafka().getMetadata().getName();
		List<KafkaNodePool> pools = all(KafkaNodePool.class);

		assertThat(pools).allSatisfy(pool -> assertThat(pool.getMetadata().getLabels())
			.containsEntry("strimzi.io/cluster", cluster));
		int controllers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.CONTROLLER))
			.mapToInt(p -> p.getSpec().getReplicas()).sum();
		int brokers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
			.mapToInt(p -> p.getSpec().getReplicas()).sum();
		assertThat(controllers).as("a quorum that survives one controller lost").isGreaterThanOrEqualTo(3).isOdd();
		assertThat(brokers).as("room for every topic's replicas").isGreaterThanOrEqualTo(
				all(KafkaTopic.class).stream().mapToInt(t -> t.getSpec().getReplicas()).max().orElse(1));

		Map<String, Object> config = kafka().getSpec().getKafka().getConfig();
		assertThat(config).containsEntry("auto.create.topics.enable", false);
		assertThat(((Number) config.get("min.insync.replicas")).intValue())
			.isLessThan(((Number) config.get("default.replication.factor")).intValue());
		assertThat(kafka().getSpec().getEntityOperator().getTopicOperator()).as("KafkaTopics are applied").isNotNull();
		assertThat(kafka().getSpec().getEntityOperator().getUserOperator()).as("KafkaUsers are applied").isNotNull();
	}

	@Test
	void theServicesListenerValidatesKeycloakTokensOfTheKafkaAudienceAndAuthorizesByAcl() {
		GenericKafkaListener listener = clientListener();
		String issuer = (String) OperatorResources.chartValue("global.keycloak.issuerUri");
		String jwks = (String) OperatorResources.chartValue("global.keycloak.jwkSetUri");

		assertThat(listener.getAuth()).isInstanceOf(KafkaListenerAuthenticationOAuth.class);
		KafkaListenerAuthenticationOAuth oauth = (KafkaListenerAuthenticationOAuth) listener.getAuth();
		assertThat(oauth.getValidIssuerUri()).as("the tokens' iss, as the services check it").isEqualTo(issuer);
		assertThat(oauth.getJwksEndpointUri()).as("the realm's keys at the in-cluster address").isEqualTo(jwks);
		// the principal is the client id, which the KafkaUsers are named after
		assertThat(oauth.getUserNameClaim()).isEqualTo("azp");
		assertThat(oauth.isCheckAudience()).isTrue();
		assertThat(oauth.getClientId()).as("the audience the realm's Kafka clients put in their tokens")
			.isEqualTo("kafka");
		assertThat(kafka().getSpec().getKafka().getAuthorization()).isInstanceOf(KafkaAuthorizationSimple.class);

		// the chart's clients speak what the listener offers
		String protocol = (String) OperatorResources.chartValue("global.kafka.authentication.securityProtocol");
		assertThat(protocol).isEqualTo(listener.isTls() ? "SASL_SSL" : "SASL_PLAINTEXT");
		assertThat(OperatorResources.chartValue("global.kafka.authentication.mechanism")).isEqualTo("oauthbearer");
		assertThat((String) OperatorResources.chartValue("global.kafka.bootstrapServers"))
			.isEqualTo(kafka().getMetadata().getName() + "-kafka-bootstrap:" + listener.getPort());
		assertThat(OperatorResources.chartValue("global.kafka.topics.autoCreate")).isEqualTo(false);
	}

	@Test
	void everyKafkaUserIsAKeycloakClientOfTheRealmWithTheKafkaAudienceAndGetsNoOtherCredentials() {
		Set<String> kafkaClients = ProductionRealmTest.KAFKA_CLIENTS;

		assertThat(all(KafkaUser.class)).extracting(u -> u.getMetadata().getName())
			.containsExactlyInAnyOrderElementsOf(kafkaClients);
		assertThat(all(KafkaUser.class)).allSatisfy(user -> {
			// OAuth principals: Strimzi makes no password or certificate, it only applies the ACLs
			assertThat(user.getSpec().getAuthentication()).as(user.getMetadata().getName()).isNull();
			assertThat(user.getSpec().getAuthorization()).isInstanceOf(KafkaUserAuthorizationSimple.class);
			assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka().getMetadata().getName());
		});
	}

	@Test
	void theTopicsAreExactlyTheOnesTheServicesUseEachWithItsDeadLetterTopic() {
		Set<String> declared = all(KafkaTopic.class).stream()
			.map(t -> t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName())
			.collect(Collectors.toCollection(TreeSet::new));

		assertThat(declared).isEqualTo(KafkaAccess.derivedTopics()).isEqualTo(KafkaAccess.listedTopics());
		assertThat(KafkaAccess.owners().keySet()).allSatisfy(topic -> assertThat(declared).contains(topic + ".dlt"));
		assertThat(all(KafkaTopic.class)).allSatisfy(topic -> {
			assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", kafka().getMetadata().getName());
			assertThat(topic.getSpec().getReplicas()).isGreaterThanOrEqualTo(3);
			assertThat(((Number) topic.getSpec().getConfig().get("min.insync.replicas")).intValue())
				.isLessThan(topic.getSpec().getReplicas());
			assertThat(topic.getSpec().getConfig()).as("every event matters, not only the last per key")
				.containsEntry("cleanup.policy", "delete");
		});
	}

	@Test
	void everyServiceMayDoWhatItsConfigurationAndListenersDoAndNothingElse() {
		Set<Grant> services = grants().stream().filter(g -> !g.principal().equals("billing"))
			.collect(Collectors.toCollection(() -> new TreeSet<>(Comparator.comparing(Grant::toString))));

		assertThat(services).containsExactlyElementsOf(KafkaAccess.derivedServiceGrants());
	}

	@Test
	void theKafkaUsersGrantExactlyWhatTopicsAndAclsTxtListsIncludingBilling() {
		assertThat(grants()).containsExactlyElementsOf(KafkaAccess.listedGrants());
		assertThat(grants()).filteredOn(g -> g.principal().equals("billing"))
			.as("billing reads order events, writes nothing")
			.allSatisfy(g -> assertThat(g.operation()).isEqualTo("READ"))
			.anySatisfy(g -> assertThat(g.name()).isEqualTo("portal.order.events"));
	}

	@Test
	void theDerivationSeesEveryListenerOfTheServices() {
		// guards the derivation itself: each consumer's groups as docs/operations.md names them
		assertThat(KafkaAccess.use("license-service").groups())
			.containsExactlyInAnyOrder("license-service.orders", "license-service.accounts", "license-service.catalog");
		assertThat(KafkaAccess.use("order-service").groups()).containsExactly("order-service");
		assertThat(KafkaAccess.use("notification-service").reads())
			.containsExactlyInAnyOrder("portal.account.events", "portal.order.events", "portal.license.events");
		assertThat(KafkaAccess.use("account-service").reads()).isEmpty();
	}

	/** The KafkaUsers' ACLs as grants, a prefix written with a trailing {@code *}. */
	static Set<Grant> grants() {
		Set<Grant> grants = new TreeSet<>(Comparator.comparing(Grant::toString));
		for (KafkaUser user : all(KafkaUser.class)) {
			for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
				String resource;
				String name;
				AclResourcePatternType pattern;
				if (rule.getResource() instanceof AclRuleTopicResource topic) {
					resource = "topic";
					name = topic.getName();
					pattern = topic.getPatternType();
				}
				else if (rule.getResource() instanceof AclRuleGroupResource group) {
					resource = "group";
					name = group.getName();
					pattern = group.getPatternType();
				}
				else {
					throw new AssertionError(user.getMetadata().getName() + " has an ACL on " + rule.getResource());
				}
				assertThat(rule.getType()).as("only allow rules").isIn(null, io.strimzi.api.kafka.model.user.acl.AclRuleType.ALLOW);
				String shown = pattern == AclResourcePatternType.PREFIX ? name + "*" : name;
				rule.getOperations().forEach(op -> grants.add(new Grant(user.getMetadata().getName(), op.name(), resource, shown)));
			}
		}
		return grants;
	}

}
