package org.customerportal.gateway;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.UnaryOperator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keep-alive connection keeps working when a request arrives before the previous one was
 * finished and the gateway answers it itself, at once (Reactor Netty 1.3.x stopped reading such a
 * connection: reactor/reactor-netty#4361). Raw socket, so that the two requests really travel
 * together, as a pipelining client or a fast keep-alive client sends them.
 */
class KeepAliveIntegrationTest extends GatewayIntegrationTestSupport {

	/** Requests the gateway answers itself, given the caller's token. */
	enum Queued {

		UNAUTHENTICATED(401, token -> rawGet("/api/licenses/queued", null)),
		NO_ROUTE(404, token -> rawGet("/api/nothing-here", token)),
		PREFLIGHT(200, token -> "OPTIONS /api/licenses/queued HTTP/1.1\r\nHost: gateway\r\n"
				+ "Origin: http://localhost:3000\r\nAccess-Control-Request-Method: GET\r\n\r\n");

		final int status;

		final UnaryOperator<String> request;

		Queued(int status, UnaryOperator<String> request) {
			this.status = status;
			this.request = request;
		}

	}

	@ParameterizedTest(name = "{0}")
	@EnumSource
	void theConnectionKeepsAnsweringAfterAQueuedRequestTheGatewayAnswersItself(Queued queued) throws IOException {
		String token = freshToken();

		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(5000);
			OutputStream out = socket.getOutputStream();
			InputStream in = new BufferedInputStream(socket.getInputStream());
			// a proxied request (finished later, when the service answers) and, in the same write,
			// one the gateway answers without a service
			send(out, rawGet("/api/licenses/first", token) + queued.request.apply(token));
			assertThat(readStatus(in)).isEqualTo(200);
			assertThat(readStatus(in)).isEqualTo(queued.status);

			send(out, rawGet("/api/licenses/after", token));
			assertThat(readStatus(in)).as("the next request on the same connection").isEqualTo(200);
		}
	}

	private static void send(OutputStream out, String requests) throws IOException {
		out.write(requests.getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	private static String rawGet(String path, String token) {
		return "GET " + path + " HTTP/1.1\r\nHost: gateway\r\n"
				+ (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
	}

	/** Reads one response (Content-Length or chunked body) and returns its status. */
	private static int readStatus(InputStream in) throws IOException {
		String statusLine = line(in);
		int status = Integer.parseInt(statusLine.split(" ")[1]);
		long length = 0;
		boolean chunked = false;
		for (String header = line(in); !header.isEmpty(); header = line(in)) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring("content-length:".length()).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
		}
		if (!chunked) {
			in.readNBytes((int) length);
			return status;
		}
		for (long chunk = Long.parseLong(line(in).trim(), 16); chunk > 0; chunk = Long.parseLong(line(in).trim(), 16)) {
			in.readNBytes((int) chunk);
			line(in);
		}
		line(in);
		return status;
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b == -1) {
				throw new IOException("connection closed");
			}
			if (b != '\r') {
				bytes.write(b);
			}
		}
		return bytes.toString(StandardCharsets.US_ASCII);
	}

}
