package org.customerportal.gateway.ratelimit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real redis-server (Debian's {@code redis-server} package) on a free port, without persistence.
 * Tests using it are skipped only where the binary is not installed.
 */
final class RedisServer implements AutoCloseable {

	private static final String BINARY = System.getenv().getOrDefault("REDIS_SERVER_PATH", "/usr/bin/redis-server");

	private final int port;

	private Process process;

	private RedisServer(int port) {
		this.port = port;
	}

	static RedisServer start() {
		assumeTrue(new File(BINARY).canExecute(),
				"redis-server is not installed (" + BINARY + "; apt-get install redis-server): Redis tests skipped");
		RedisServer server = new RedisServer(freePort());
		server.startProcess();
		return server;
	}

	int port() {
		return port;
	}

	void startProcess() {
		try {
			process = new ProcessBuilder(BINARY, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
					"--appendonly", "no")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		await().atMost(Duration.ofSeconds(10)).until(this::answersPing);
	}

	void stopProcess() {
		process.destroy();
		await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
	}

	private boolean answersPing() {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] answer = in.readNBytes(7);
			return new String(answer, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		if (process != null && process.isAlive()) {
			stopProcess();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
