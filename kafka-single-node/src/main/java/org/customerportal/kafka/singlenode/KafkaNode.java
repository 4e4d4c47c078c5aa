package org.customerportal.kafka.singlenode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A single-node KRaft broker (broker and controller in one process, everything on 127.0.0.1): the one place
 * its configuration is written, for the tests' plaintext broker and for the local run's secured one.
 *
 * @param listenerPort the port clients use
 * @param controllerPort the controller's port (PLAINTEXT, loopback)
 * @param dataDirectory the broker's log directory
 * @param partitions default partitions of a new topic
 * @param autoCreateTopics whether a client's first use creates a topic
 * @param security null for a PLAINTEXT broker
 */
public record KafkaNode(int listenerPort, int controllerPort, Path dataDirectory, int partitions,
		boolean autoCreateTopics, OAuth security) {

	/** The broker's main class; its arguments are the configuration file. */
	public static final String BROKER_MAIN_CLASS = "kafka.Kafka";

	/** Formats the storage once, before the first start. */
	public static final String STORAGE_TOOL_MAIN_CLASS = "kafka.tools.StorageTool";

	/**
	 * Clients authenticate on the listener port with OAUTHBEARER tokens (principal {@code User:<azp>}) and the
	 * StandardAuthorizer allows only what ACLs grant. An INTERNAL PLAINTEXT listener on loopback serves the
	 * broker itself and admin tools: its unauthenticated user is the super user (the controller listener is
	 * PLAINTEXT, so the broker's own registration needs that).
	 *
	 * @param internalPort the INTERNAL listener's port
	 * @param issuer the tokens' expected issuer
	 * @param jwksUrl where the broker reads the signing keys (http(s) or file)
	 * @param audience the tokens' expected audience
	 */
	public record OAuth(int internalPort, String issuer, String jwksUrl, String audience) {

		/** Kafka 4 fetches keys only from allow-listed URLs: a system property of the broker's JVM. */
		public String allowedUrlsJvmOption() {
			return "-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=" + jwksUrl;
		}

	}

	/** A PLAINTEXT broker, as integration tests use it. */
	public static KafkaNode plaintext(int port, int controllerPort, Path dataDirectory) {
		return new KafkaNode(port, controllerPort, dataDirectory, 1, true, null);
	}

	/** The broker's server.properties, in a stable order. */
	public Map<String, String> properties() {
		Map<String, String> p = new LinkedHashMap<>();
		p.put("process.roles", "broker,controller");
		p.put("node.id", "1");
		p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
		p.put("controller.listener.names", "CONTROLLER");
		if (security == null) {
			p.put("listeners", "PLAINTEXT://127.0.0.1:" + listenerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
			p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + listenerPort);
			p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
			p.put("inter.broker.listener.name", "PLAINTEXT");
		}
		else {
			p.put("listeners", "EXTERNAL://127.0.0.1:" + listenerPort + ",INTERNAL://127.0.0.1:"
					+ security.internalPort() + ",CONTROLLER://127.0.0.1:" + controllerPort);
			p.put("advertised.listeners",
					"EXTERNAL://127.0.0.1:" + listenerPort + ",INTERNAL://127.0.0.1:" + security.internalPort());
			p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,INTERNAL:PLAINTEXT,EXTERNAL:SASL_PLAINTEXT");
			p.put("inter.broker.listener.name", "INTERNAL");
			p.put("listener.name.external.sasl.enabled.mechanisms", "OAUTHBEARER");
			p.put("listener.name.external.oauthbearer.sasl.jaas.config",
					"org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;");
			p.put("listener.name.external.oauthbearer.sasl.server.callback.handler.class",
					"org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler");
			p.put("sasl.oauthbearer.jwks.endpoint.url", security.jwksUrl());
			p.put("sasl.oauthbearer.expected.issuer", security.issuer());
			p.put("sasl.oauthbearer.expected.audience", security.audience());
			p.put("sasl.oauthbearer.sub.claim.name", "azp");
			p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
			p.put("allow.everyone.if.no.acl.found", "false");
			p.put("super.users", "User:ANONYMOUS");
		}
		p.put("log.dirs", dataDirectory.toString());
		p.put("num.partitions", Integer.toString(partitions));
		p.put("auto.create.topics.enable", Boolean.toString(autoCreateTopics));
		// one node: every internal topic has one replica
		p.put("offsets.topic.replication.factor", "1");
		p.put("transaction.state.log.replication.factor", "1");
		p.put("transaction.state.log.min.isr", "1");
		p.put("share.coordinator.state.topic.replication.factor", "1");
		p.put("share.coordinator.state.topic.min.isr", "1");
		p.put("group.initial.rebalance.delay.ms", "0");
		return p;
	}

	/** The properties as a server.properties file. */
	public String render() {
		return properties().entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining("\n", "# a single-node KRaft broker (generated)\n", "\n"));
	}

	/** Arguments of {@link #STORAGE_TOOL_MAIN_CLASS} that format the storage once (repeating is harmless). */
	public static List<String> formatArguments(String clusterId, Path configFile) {
		return List.of("format", "--ignore-formatted", "-t", clusterId, "-c", configFile.toString());
	}

}
