package org.customerportal.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * A thin layer over the JDK's HTTP client: JSON in, {@link Reply} out, a bounded time for each call.
 */
public final class Http {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

	private Http() {
	}

	public static Reply send(String method, URI uri, Map<String, String> headers, Object jsonBody) {
		HttpRequest.BodyPublisher body = jsonBody == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(jsonBody));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(CALL_TIMEOUT).method(method, body);
		request.header("Accept", "application/json, application/problem+json");
		if (jsonBody != null) {
			request.header("Content-Type", "application/json");
		}
		headers.forEach(request::header);
		return exchange(method, uri, request.build());
	}

	public static Reply postForm(URI uri, Map<String, String> form) {
		String encoded = form.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(CALL_TIMEOUT)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encoded))
			.build();
		return exchange("POST", uri, request);
	}

	/** A GET of an HTML page, as a browser asks for it (no token). */
	public static Reply getPage(URI uri) {
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(CALL_TIMEOUT).header("Accept", "text/html").GET().build();
		return exchange("GET", uri, request);
	}

	/** A GET that answers whether something listens and is ready, without failing when nothing does. */
	public static boolean answers200(URI uri) {
		try {
			HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
			return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static Reply exchange(String method, URI uri, HttpRequest request) {
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
			return new Reply(method, uri, response.statusCode(), response.headers(), response.body(),
					Duration.ofNanos(System.nanoTime() - start));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + uri + " failed after "
					+ Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	public static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
