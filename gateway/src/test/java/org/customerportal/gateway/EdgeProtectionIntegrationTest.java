package org.customerportal.gateway;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeProtectionIntegrationTest extends GatewayIntegrationTestSupport {

	private static final int ONE_MB = 1024 * 1024;

	@Test
	void aUserOverTheirRateAnswers429WithRetryAfterAndOtherUsersAreNotAffected() {
		String token = freshToken();
		List<Integer> statuses = new ArrayList<>();
		HttpResponse<String> refused = null;
		for (int i = 0; i < 15 && refused == null; i++) {
			HttpResponse<String> response = get("/api/licenses", token);
			statuses.add(response.statusCode());
			if (response.statusCode() == 429) {
				refused = response;
			}
		}

		assertThat(statuses.subList(0, 10)).containsOnly(200);
		assertThat(refused).isNotNull();
		assertThat(assertProblem(refused, 429).get("detail").asString())
			.isEqualTo("Too many requests. Please wait a moment and try again.");
		assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 2);
		assertThat(get("/api/licenses", freshToken()).statusCode()).isEqualTo(200);
	}

	@Test
	void aClientAddressOverItsRateOnAPublicCallAnswers429() {
		HttpResponse<String> refused = null;
		int allowed = 0;
		for (int i = 0; i < 40 && refused == null; i++) {
			HttpResponse<String> response = validateFrom("203.0.113.7");
			if (response.statusCode() == 429) {
				refused = response;
			}
			else {
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(json(response).get("forwardedFor").asString()).isEqualTo("203.0.113.7");
				allowed++;
			}
		}

		assertThat(allowed).isBetween(30, 35);
		assertProblem(refused, 429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(validateFrom("203.0.113.8").statusCode()).isEqualTo(200);
	}

	@Test
	void entriesAClientPutsBeforeTheAddressTheProxyAppendedDoNotBuyMoreRequests() {
		int allowed = 0;
		HttpResponse<String> refused = null;
		for (int i = 0; i < 40 && refused == null; i++) {
			// a proxy that appends: what the client sent, then the address it saw
			HttpResponse<String> response = validateFrom("198.51.100." + i + ", 203.0.113.9");
			if (response.statusCode() == 429) {
				refused = response;
			}
			else {
				assertThat(response.statusCode()).isEqualTo(200);
				// the services are told the one address the gateway believes
				assertThat(json(response).get("forwardedFor").asString()).isEqualTo("203.0.113.9");
				allowed++;
			}
		}

		assertThat(allowed).isBetween(30, 35);
		assertProblem(refused, 429);
	}

	@Test
	void aLicenseKeyOverItsRateAnswers429WhateverAddressesTheCallsComeFrom() {
		String key = "KEY-" + UUID.randomUUID();
		String body = "{\"key\":\"" + key + "\",\"product\":\"P\",\"deviceId\":\"d-1\"}";
		List<Integer> statuses = new ArrayList<>();
		HttpResponse<String> refused = null;
		for (int i = 0; i < 10 && refused == null; i++) {
			HttpResponse<String> response = validate("192.0.2." + (i + 1), body);
			statuses.add(response.statusCode());
			if (response.statusCode() == 429) {
				refused = response;
			}
			else {
				// read by the gateway, yet reaching the service whole
				assertThat(json(response).get("bodyBytes").asInt()).isEqualTo(body.length());
			}
		}

		assertThat(statuses.subList(0, 5)).containsOnly(200);
		assertThat(assertProblem(refused, 429).get("detail").asString())
			.isEqualTo("Too many requests. Please wait a moment and try again.");
		assertThat(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 5);
		// the same key in another spelling is the same licence for license-service
		assertThat(validate("192.0.2.200", "{\"key\":\" " + key.toLowerCase() + "\",\"product\":\"P\"}").statusCode())
			.isEqualTo(429);
		assertThat(validate("192.0.2.201", "{\"key\":\"KEY-" + UUID.randomUUID() + "\",\"product\":\"P\"}")
			.statusCode()).isEqualTo(200);
	}

	@Test
	void aPreflightFromThePortalsOriginIsAllowed() {
		HttpResponse<String> response = preflight("https://portal.example.com");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://portal.example.com");
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
		assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow().toLowerCase())
			.contains("authorization", "content-type", "idempotency-key");
	}

	@Test
	void aPreflightFromAnotherOriginIsRefused() {
		HttpResponse<String> response = preflight("https://evil.example");

		assertThat(assertProblem(response, 403).get("detail").asString())
			.isEqualTo("This web site may not call the Customer Portal API.");
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(ORDER.receivedFor("/api/orders").stream().filter(r -> r.method().equals("OPTIONS"))).isEmpty();
	}

	@Test
	void aCrossOriginCallMayReadTheTraceIdAndRetryAfter() {
		HttpResponse<String> response = send(request("/api/me").header("Origin", "http://localhost:3000")
			.header("Authorization", "Bearer " + freshToken())
			.build());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
		assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
			.contains("X-Trace-Id", "Retry-After");
	}

	@Test
	void aBodyOverOneMegabyteIsRefusedWith413BeforeReachingTheService() {
		HttpResponse<String> response = send(request("/api/orders/too-large/payments")
			.header("Authorization", "Bearer " + freshToken())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[ONE_MB + 1]))
			.build());

		assertThat(assertProblem(response, 413).get("detail").asString())
			.isEqualTo("The request is too large: at most 1 MB is accepted.");
		assertThat(ORDER.receivedFor("/api/orders/too-large/payments")).isEmpty();
	}

	/** As a client that sends its whole body before it reads the answer: it gets the 413, not a reset connection. */
	@Test
	void aDeclaredBodyOverTheLimitIsReadToItsEndAndAnswered413() throws Exception {
		int size = 4 * ONE_MB;
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("PUT /api/organizations/too-large/primary-contact HTTP/1.1\r\nHost: localhost\r\n"
					+ "Authorization: Bearer " + freshToken() + "\r\nContent-Type: application/json\r\n"
					+ "Content-Length: " + size + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			byte[] chunk = new byte[64 * 1024];
			for (int sent = 0; sent < size; sent += chunk.length) {
				out.write(chunk);
			}
			out.flush();
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

			assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
				.contains("The request is too large: at most 1 MB is accepted.");
		}
		assertThat(ACCOUNT.receivedFor("/api/organizations/too-large/primary-contact")).isEmpty();
	}

	@Test
	void aPathWithAnEncodedNulIsRefusedWith400ProblemDocument() {
		HttpResponse<String> response = get("/api/licenses/nul%00byte/activations", freshToken());

		assertThat(assertProblem(response, 400).get("detail").asString()).contains("encoded NUL character");
		assertThat(LICENSE.receivedFor("/api/licenses/nul%00byte/activations")).isEmpty();
	}

	@Test
	void aChunkedBodyGrowingOverTheLimitIsRefusedWith413() {
		HttpResponse<String> response = send(request("/api/orders/chunked/payments")
			.header("Authorization", "Bearer " + freshToken())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[2 * ONE_MB])))
			.build());

		assertProblem(response, 413);
	}

	@Test
	void aBodyWithinTheLimitReachesTheServiceWhole() {
		HttpResponse<String> response = send(request("/api/orders/large-enough/payments")
			.header("Authorization", "Bearer " + freshToken())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[ONE_MB]))
			.build());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("bodyBytes").asInt()).isEqualTo(ONE_MB);
	}

	/** A validation of a key of its own, so that only the address limit applies. */
	private HttpResponse<String> validateFrom(String forwardedFor) {
		return validate(forwardedFor, "{\"key\":\"K-" + UUID.randomUUID() + "\",\"product\":\"P\"}");
	}

	private HttpResponse<String> validate(String forwardedFor, String body) {
		return send(request("/api/licenses/validate").header("X-Forwarded-For", forwardedFor)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpResponse<String> preflight(String origin) {
		return send(request("/api/orders").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
			.build());
	}

}
