import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's client for the Customer Portal API, run as a single-file program (JDK 17+, no
 * libraries): {@code java PortalClient.java <command>}. Every call goes through the gateway with a
 * token from Keycloak (password grant of the local-only script client).
 *
 * <pre>
 *   prepare         make sure the user has an organisation and a licence; prints the licence id
 *   token           prints a fresh access token
 *   paid-to-visible N   N sequential card-paid orders; prints the latency from the order being paid
 *                   until its licence is visible in GET /api/licenses (p50/p99/max)
 * </pre>
 *
 * Settings from the environment: GATEWAY_URL, KEYCLOAK_URL, REALM, CLIENT_ID, CLIENT_SECRET,
 * BENCH_USER, BENCH_PASSWORD, BENCH_PRODUCT, BENCH_POLL_MS.
 */
public class PortalClient {

	static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	final String gateway = env("GATEWAY_URL", "http://localhost:8080");

	final String tokenUrl = env("KEYCLOAK_URL", "http://localhost:8180") + "/realms/" + env("REALM", "portal")
			+ "/protocol/openid-connect/token";

	final String product = env("BENCH_PRODUCT", "BARCODE-READER");

	final long pollMillis = Long.parseLong(env("BENCH_POLL_MS", "5"));

	String token;

	long tokenRenewAt;

	public static void main(String[] args) throws Exception {
		PortalClient client = new PortalClient();
		String command = args.length > 0 ? args[0] : "";
		switch (command) {
			case "token" -> System.out.println(client.token());
			case "prepare" -> System.out.println(client.prepare());
			case "paid-to-visible" -> client.paidToVisible(args.length > 1 ? Integer.parseInt(args[1]) : 200);
			default -> {
				System.err.println("usage: java PortalClient.java prepare | token | paid-to-visible <orders>");
				System.exit(2);
			}
		}
	}

	/** The user's organisation (created if needed) and one licence of theirs (bought if needed). */
	String prepare() throws Exception {
		String organizationId = organization();
		String licenses = call("GET", "/api/licenses?size=1", null, 200);
		Matcher id = Pattern.compile("\"items\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(licenses);
		if (id.find()) {
			return id.group(1);
		}
		long before = totalLicenses();
		buyAndPay(organizationId);
		awaitLicenses(before + 1, System.nanoTime() + Duration.ofSeconds(60).toNanos());
		Matcher bought = Pattern.compile("\"items\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"")
			.matcher(call("GET", "/api/licenses?size=1", null, 200));
		if (!bought.find()) {
			throw new IllegalStateException("no licence visible after a paid order");
		}
		return bought.group(1);
	}

	/** N orders one after the other: quote, order, card payment, then poll until the licence shows. */
	void paidToVisible(int orders) throws Exception {
		String organizationId = organization();
		List<Double> paidToVisible = new ArrayList<>();
		List<Double> payToVisible = new ArrayList<>();
		long polls = 0;
		long total = totalLicenses();
		for (int i = 0; i < orders; i++) {
			String orderId = order(organizationId);
			long sent = System.nanoTime();
			pay(orderId);
			long paid = System.nanoTime();
			polls += awaitLicenses(total + 1, paid + Duration.ofSeconds(30).toNanos());
			long visible = System.nanoTime();
			total++;
			paidToVisible.add((visible - paid) / 1e6);
			payToVisible.add((visible - sent) / 1e6);
			if ((i + 1) % 50 == 0) {
				System.err.printf("  %d/%d orders%n", i + 1, orders);
			}
		}
		System.out.printf(Locale.ROOT, "orders=%d polls=%d poll_interval_ms=%d%n", orders, polls, pollMillis);
		System.out.printf(Locale.ROOT, "paid_to_visible_ms p50=%.1f p99=%.1f max=%.1f mean=%.1f%n",
				percentile(paidToVisible, 50), percentile(paidToVisible, 99), Collections.max(paidToVisible),
				paidToVisible.stream().mapToDouble(Double::doubleValue).average().orElse(0));
		System.out.printf(Locale.ROOT, "payment_sent_to_visible_ms p50=%.1f p99=%.1f max=%.1f%n",
				percentile(payToVisible, 50), percentile(payToVisible, 99), Collections.max(payToVisible));
	}

	String organization() throws Exception {
		String me = call("GET", "/api/me", null, 200);
		String organizationId = field(me, "organizationId");
		if (organizationId == null) {
			String created = call("POST", "/api/organizations", "{\"name\":\"Benchmark Corp\"}", 201);
			organizationId = field(created, "id");
		}
		return organizationId;
	}

	void buyAndPay(String organizationId) throws Exception {
		pay(order(organizationId));
	}

	String order(String organizationId) throws Exception {
		String quoteBody = "{\"organizationId\":\"" + organizationId + "\",\"lines\":[{\"product\":\"" + product
				+ "\",\"licenseType\":\"ANNUAL\",\"quota\":1}]}";
		// right after the organisation is created, order-service may not know the membership yet
		String quote = retryUntil(201, Duration.ofSeconds(60), () -> send("POST", "/api/quotes", quoteBody, null));
		String order = call("POST", "/api/quotes/" + field(quote, "id") + "/order", "{\"paymentMethod\":\"CREDIT_CARD\"}",
				201);
		return field(order, "id");
	}

	/**
	 * A card payment as a browser makes it: the answer names the payment provider's page (the local
	 * run's test page), where "Pay" is a form posting outcome=succeeded; the order is paid when that
	 * page's notification has been applied, before it redirects back.
	 */
	void pay(String orderId) throws Exception {
		String payment = call("POST", "/api/orders/" + orderId + "/payments", "{\"method\":\"CREDIT_CARD\"}", 201,
				UUID.randomUUID().toString());
		URI page = URI.create(field(payment, "redirectUrl"));
		HttpResponse<String> paid = HTTP.send(HttpRequest.newBuilder(page)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("outcome=succeeded"))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (paid.statusCode() != 303) {
			throw new IllegalStateException("Pay on " + page + " answered " + paid.statusCode() + ": " + paid.body());
		}
	}

	long totalLicenses() throws Exception {
		return Long.parseLong(field(call("GET", "/api/licenses?size=1", null, 200), "totalItems"));
	}

	/** Polls until the caller sees {@code expected} licences; returns the number of polls. */
	long awaitLicenses(long expected, long deadlineNanos) throws Exception {
		long polls = 0;
		while (true) {
			polls++;
			if (totalLicenses() >= expected) {
				return polls;
			}
			if (System.nanoTime() > deadlineNanos) {
				throw new IllegalStateException("the licence did not become visible in time (expected " + expected + ")");
			}
			Thread.sleep(pollMillis);
		}
	}

	String call(String method, String path, String body, int expected) throws Exception {
		return call(method, path, body, expected, null);
	}

	String call(String method, String path, String body, int expected, String idempotencyKey) throws Exception {
		HttpResponse<String> response = send(method, path, body, idempotencyKey);
		if (response.statusCode() != expected) {
			throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
					+ response.body());
		}
		return response.body();
	}

	HttpResponse<String> send(String method, String path, String body, String idempotencyKey) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token())
			.header("Accept", "application/json")
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	interface Call {

		HttpResponse<String> send() throws Exception;

	}

	static String retryUntil(int status, Duration patience, Call call) throws Exception {
		long deadline = System.nanoTime() + patience.toNanos();
		while (true) {
			HttpResponse<String> response = call.send();
			if (response.statusCode() == status) {
				return response.body();
			}
			if (System.nanoTime() > deadline || response.statusCode() >= 500 && response.statusCode() != 503) {
				throw new IllegalStateException(response.request().method() + " " + response.request().uri()
						+ " answered " + response.statusCode() + ": " + response.body());
			}
			Thread.sleep(500);
		}
	}

	/** A fresh access token for the benchmark user (password grant, local-only client). */
	String token() throws IOException, InterruptedException {
		if (token != null && System.nanoTime() < tokenRenewAt) {
			return token;
		}
		String form = "grant_type=password&client_id=" + enc(env("CLIENT_ID", "portal-cli")) + "&client_secret="
				+ enc(env("CLIENT_SECRET", "portal-cli-local-secret")) + "&username=" + enc(env("BENCH_USER", "alice"))
				+ "&password=" + enc(env("BENCH_PASSWORD", "alice-local")) + "&scope=openid";
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(tokenUrl))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Keycloak refused the password grant: " + response.statusCode() + " "
					+ response.body());
		}
		token = field(response.body(), "access_token");
		long lifetime = Long.parseLong(numberField(response.body(), "expires_in"));
		tokenRenewAt = System.nanoTime() + Duration.ofSeconds(Math.max(10, lifetime - 60)).toNanos();
		return token;
	}

	static double percentile(List<Double> values, int p) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	/** The first string (or null) value of a field in a JSON document: enough for these answers. */
	static String field(String json, String name) {
		Matcher string = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(?:\"([^\"]*)\"|null)").matcher(json);
		if (string.find()) {
			return string.group(1);
		}
		return numberField(json, name);
	}

	static String numberField(String json, String name) {
		Matcher number = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?[0-9]+)").matcher(json);
		return number.find() ? number.group(1) : null;
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
