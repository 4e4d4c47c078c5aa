package org.customerportal.e2e.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.customerportal.e2e.support.Endpoints;
import org.customerportal.e2e.support.Http;
import org.customerportal.e2e.support.Reply;

/**
 * Sends the generated requests through the gateway. A 429 of the gateway's rate limits is not what
 * these runs are about: the request is sent again once the bucket has refilled; the count of
 * requests sent includes those repeats.
 */
final class Requests {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	final AtomicInteger sent = new AtomicInteger();

	/** A JSON request (or none), e.g. as the matrix sends it. */
	Reply json(String method, String pathAndQuery, Map<String, String> headers, Object body) {
		return untilNotLimited(method + " " + pathAndQuery,
				() -> Http.send(method, URI.create(Endpoints.GATEWAY + pathAndQuery), headers, body));
	}

	/** Any body bytes with any content type, e.g. broken JSON or the wrong media type. */
	Reply raw(String method, String pathAndQuery, Map<String, String> headers, String contentType, String body) {
		URI uri = URI.create(Endpoints.GATEWAY + pathAndQuery);
		return untilNotLimited(method + " " + pathAndQuery, () -> {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri)
				.timeout(Duration.ofSeconds(30))
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
				.header("Accept", "application/json, application/problem+json");
			if (contentType != null) {
				request.header("Content-Type", contentType);
			}
			headers.forEach(request::header);
			long start = System.nanoTime();
			try {
				HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
				return new Reply(method, uri, response.statusCode(), response.headers(), response.body(),
						Duration.ofNanos(System.nanoTime() - start));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(method + " " + uri, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		});
	}

	/** The path with its parameters filled in, and the query; every value encoded. */
	static String target(String path, Map<String, String> pathValues, Map<String, String> query) {
		String result = path;
		for (Map.Entry<String, String> value : pathValues.entrySet()) {
			result = result.replace("{" + value.getKey() + "}", Http.enc(value.getValue()).replace("+", "%20"));
		}
		StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
		query.forEach((name, value) -> joined.add(Http.enc(name) + "=" + Http.enc(value)));
		return result + joined;
	}

	Reply untilNotLimited(String what, Supplier<Reply> call) {
		// at once, and while limited every half second (the buckets refill at 10 or 20 a second)
		return Awaitility.await(what + " past the rate limit")
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(500))
			.atMost(Endpoints.EVENTUAL)
			.until(() -> {
				sent.incrementAndGet();
				return call.get();
			}, reply -> reply.status() != 429);
	}

}
