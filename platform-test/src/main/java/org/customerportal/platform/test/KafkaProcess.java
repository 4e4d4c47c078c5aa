package org.customerportal.platform.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.customerportal.kafka.singlenode.KafkaNode;

/**
 * A single-node Kafka broker in a process of its own, on a port chosen in advance, so a test can
 * point a service at it while it is down and start it later (a broker outage, for real).
 */
public final class KafkaProcess implements AutoCloseable {

	private final Process process;

	private final String bootstrapServers;

	private final Path directory;

	private KafkaProcess(Process process, String bootstrapServers, Path directory) {
		this.process = process;
		this.bootstrapServers = bootstrapServers;
		this.directory = directory;
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts a broker listening on 127.0.0.1:{@code port} and waits until it answers. */
	public static KafkaProcess start(int port) {
		try {
			Path directory = Files.createTempDirectory("kafka-process");
			int controllerPort = freePort();
			Path config = directory.resolve("server.properties");
			Files.writeString(config, KafkaNode.plaintext(port, controllerPort, directory.resolve("data")).render());
			File log = directory.resolve("kafka.log").toFile();
			Process format = java(log, KafkaNode.STORAGE_TOOL_MAIN_CLASS,
					KafkaNode.formatArguments(Uuid.randomUuid().toString(), config).toArray(String[]::new));
			if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
				throw new IllegalStateException("Formatting Kafka storage failed, see " + log);
			}
			Process broker = java(log, KafkaNode.BROKER_MAIN_CLASS, config.toString());
			KafkaProcess started = new KafkaProcess(broker, "127.0.0.1:" + port, directory);
			started.awaitReady(Duration.ofSeconds(60));
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public String bootstrapServers() {
		return bootstrapServers;
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void awaitReady(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		String[] hostPort = bootstrapServers.split(":");
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Kafka exited early, see " + directory.resolve("kafka.log"));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 500);
				try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
					admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
					return;
				}
			}
			catch (Exception notYet) {
				TimeUnit.MILLISECONDS.sleep(250);
			}
		}
		close();
		throw new IllegalStateException("Kafka did not become ready in " + timeout + ", see "
				+ directory.resolve("kafka.log"));
	}

	private static Process java(File log, String mainClass, String... args) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new java.util.ArrayList<>(
				List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log))
			.start();
	}

}
