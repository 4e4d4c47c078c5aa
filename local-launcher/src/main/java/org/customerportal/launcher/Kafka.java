package org.customerportal.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.common.Uuid;
import org.customerportal.kafka.singlenode.KafkaNode;

/**
 * Kafka as in production, on one node: clients authenticate on 127.0.0.1:9092 with Keycloak tokens (SASL
 * OAUTHBEARER, principal {@code User:<client id>} from the azp claim, audience {@code kafka}) and only the ACLs
 * of deploy/kafka/topics-and-acls.txt, applied once the broker is ready, allow anything. Runs as a child
 * process on the launcher's own class path.
 */
final class Kafka implements Component {

	static final int PARTITIONS = 3;

	private final LocalRun run;

	private final Path home;

	private final Supplier<RealmSigningKey> signingKey;

	Kafka(LocalRun run, Supplier<RealmSigningKey> signingKey) {
		this.run = run;
		this.signingKey = signingKey;
		this.home = run.data().resolve("kafka");
	}

	@Override
	public String name() {
		return "kafka";
	}

	@Override
	public List<Integer> ports() {
		return List.of(Ports.KAFKA, Ports.KAFKA_CONTROLLER, Ports.KAFKA_INTERNAL);
	}

	@Override
	public String address() {
		return "localhost:" + Ports.KAFKA;
	}

	@Override
	public Duration startWait() {
		return run.environment().wait("kafka", 120);
	}

	@Override
	public boolean ready() {
		try {
			Path log = run.processes().log(name());
			return Probes.portOpen(Ports.KAFKA) && Files.isRegularFile(log)
					&& Files.readString(log).contains("Kafka Server started");
		}
		catch (IOException | UncheckedIOException ex) {
			return false;
		}
	}

	/** The public half of the local realm's fixed signing key, which the broker checks tokens against. */
	Path keys() {
		return home.resolve("realm-jwks.json");
	}

	KafkaNode node() {
		return new KafkaNode(Ports.KAFKA, Ports.KAFKA_CONTROLLER, home.resolve("data"), PARTITIONS, false,
				new KafkaNode.OAuth(Ports.KAFKA_INTERNAL, Keycloak.ISSUER, keys().toUri().toString(), "kafka"));
	}

	@Override
	public void start() {
		run.console().say("Kafka " + run.version("kafka") + " (KRaft, single node) on 127.0.0.1:" + Ports.KAFKA);
		if (run.processes().running(name()).isPresent()) {
			run.console().ok("already running");
			return;
		}
		try {
			// known before Keycloak runs: the broker need not wait for it
			signingKey.get().writeJwks(keys());
			KafkaNode node = node();
			Files.createDirectories(node.dataDirectory());
			Path config = home.resolve("server.properties");
			Files.writeString(config, node.render());
			String classPath = run.classPath();
			List<String> jvm = new ArrayList<>(List.of(run.java(), "-Xms128m", "-Xmx512m", "-XX:TieredStopAtLevel=1",
					"-XX:+UseSerialGC", "-Dlog4j2.configurationFile=kafka-log4j2.xml", run.marker(),
					node.security().allowedUrlsJvmOption(), "-cp", classPath));
			if (!Files.isRegularFile(node.dataDirectory().resolve("meta.properties"))) {
				run.console().say("Formatting Kafka's storage (first time only)");
				Path clusterIdFile = home.resolve("cluster-id");
				if (!Files.isRegularFile(clusterIdFile)) {
					Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
				}
				List<String> format = new ArrayList<>(jvm);
				format.add(KafkaNode.STORAGE_TOOL_MAIN_CLASS);
				format.addAll(KafkaNode.formatArguments(Files.readString(clusterIdFile).strip(), config));
				run.processes().runToEnd("kafka-format", format, Map.of(), Duration.ofMinutes(2));
			}
			List<String> broker = new ArrayList<>(jvm);
			if (run.environment().flag("LOCAL_RUN_CDS", true)) {
				broker.addAll(1, new ClassDataSharing(run, name()).classPath(classPath));
			}
			broker.add(KafkaNode.BROKER_MAIN_CLASS);
			broker.add(config.toString());
			run.processes().start(name(), broker, Map.of(), run.data());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The admin step: topics and ACLs of deploy/kafka/topics-and-acls.txt, on the internal listener. */
	@Override
	public void afterReady() {
		Path file = run.root().resolve("deploy/kafka/topics-and-acls.txt");
		run.console().say("Kafka topics and ACLs (deploy/kafka/topics-and-acls.txt)");
		run.console().ok(KafkaAccess.parse(file, PARTITIONS).apply("127.0.0.1:" + Ports.KAFKA_INTERNAL));
	}

	@Override
	public void stop() {
		run.processes().stop(name(), ClassDataSharing.stopGrace(run, name()));
	}

}
