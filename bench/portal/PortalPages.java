import java.net.CookieHandler;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the web portal adds to the API's own time, as a single-file program (JDK 17+, no libraries):
 * {@code java PortalPages.java}. A fresh person (made through Keycloak's admin API, local-only
 * bootstrap admin) gets a company with {@code BENCH_LICENSES} licences; then, one request at a time
 * after a warm-up, the Home page and the Full License page are fetched from the portal (signed in
 * through Keycloak as a browser is, the session cookie kept) alternately with the API calls each page
 * makes, sent straight to the gateway with the same person's token. Prints p50/p95 of each and the
 * portal's share on top of the API's time. Rounds are paced below the gateway's rate limit per person.
 *
 * Settings (environment): PORTAL_URL, GATEWAY_URL, KEYCLOAK_URL, BENCH_LICENSES (200),
 * BENCH_ITERATIONS (200), BENCH_WARMUP (50), BENCH_CALLS_PER_SECOND (15),
 * KEYCLOAK_ADMIN_USER/PASSWORD (admin/admin, LOCAL ONLY).
 */
public class PortalPages {

	static final String PORTAL = env("PORTAL_URL", "http://localhost:8090");

	static final String GATEWAY = env("GATEWAY_URL", "http://localhost:8080");

	static final String KEYCLOAK = env("KEYCLOAK_URL", "http://localhost:8180");

	static final int LICENSES = Integer.parseInt(env("BENCH_LICENSES", "200"));

	static final int ITERATIONS = Integer.parseInt(env("BENCH_ITERATIONS", "200"));

	static final int WARMUP = Integer.parseInt(env("BENCH_WARMUP", "50"));

	/** Below the gateway's limit per person (20 calls/s in the local run): this measures time, not throughput. */
	static final double CALLS_PER_SECOND = Double.parseDouble(env("BENCH_CALLS_PER_SECOND", "15"));

	/**
	 * The API calls each page needs, as a client without the portal makes them: one after the other.
	 * (Home makes its three at the same time; Full License asks for the catalogue at most once a minute.)
	 */
	static final Map<String, List<String>> PAGES = Map.of(
			"/", List.of("/api/licenses/upcoming-renewals?withinDays=60&size=100",
					"/api/orders?status=PENDING_PAYMENT&size=100", "/api/licenses?status=ACTIVE&size=100"),
			"/licenses", List.of("/api/licenses?status=&product=&page=0&size=20", "/api/products?size=100"));

	final HttpClient api = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	final HttpClient browser = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.cookieHandler(new Jar())
		.followRedirects(HttpClient.Redirect.NORMAL)
		.build();

	final String username = "bench-" + Long.toString(System.currentTimeMillis(), 36);

	final String password = username + "-local-only";

	String token;

	public static void main(String[] args) throws Exception {
		new PortalPages().run();
	}

	void run() throws Exception {
		createPerson();
		token = passwordGrant();
		String company = field(send(api, "POST", GATEWAY + "/api/organizations", "{\"name\":\"Benchmark Pages\"}", 201), "id");
		buyLicenses(company);
		signInToPortal();
		System.err.printf("==> %d licences; warm-up %d rounds, then %d measured rounds per page%n", LICENSES, WARMUP,
				ITERATIONS);
		for (String page : List.of("/", "/licenses")) {
			measure(page, WARMUP);
			List<Double>[] times = measure(page, ITERATIONS);
			double portalP50 = percentile(times[0], 50), portalP95 = percentile(times[0], 95);
			double apiP50 = percentile(times[1], 50), apiP95 = percentile(times[1], 95);
			System.out.printf(Locale.ROOT,
					"page %-10s portal p50=%6.1f ms p95=%6.1f ms | its %d API call(s) direct p50=%6.1f ms p95=%6.1f ms"
							+ " | portal adds p50 %+.0f%% p95 %+.0f%%%n",
					page, portalP50, portalP95, PAGES.get(page).size(), apiP50, apiP95, 100 * (portalP50 / apiP50 - 1),
					100 * (portalP95 / apiP95 - 1));
		}
	}

	/** Alternating rounds: the page from the portal, then the same API calls straight to the gateway. */
	@SuppressWarnings("unchecked")
	List<Double>[] measure(String page, int rounds) throws Exception {
		List<Double> portal = new ArrayList<>();
		List<Double> direct = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			long start = System.nanoTime();
			HttpResponse<String> shown = browser.send(HttpRequest.newBuilder(URI.create(PORTAL + page))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
			portal.add((System.nanoTime() - start) / 1e6);
			if (shown.statusCode() != 200 || !shown.uri().toString().startsWith(PORTAL)) {
				throw new IllegalStateException(page + " answered " + shown.statusCode() + " at " + shown.uri());
			}
			long directStart = System.nanoTime();
			for (String call : PAGES.get(page)) {
				send(api, "GET", GATEWAY + call, null, 200);
			}
			direct.add((System.nanoTime() - directStart) / 1e6);
			// the page's calls and the direct ones, paced under the rate limit
			long roundNanos = (long) (2 * PAGES.get(page).size() / CALLS_PER_SECOND * 1e9);
			long left = roundNanos - (System.nanoTime() - start);
			if (left > 0) {
				Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
			}
		}
		return new List[] { portal, direct };
	}

	void createPerson() throws Exception {
		String admin = field(form(KEYCLOAK + "/realms/master/protocol/openid-connect/token",
				Map.of("grant_type", "password", "client_id", "admin-cli", "username",
						env("KEYCLOAK_ADMIN_USER", "admin"), "password", env("KEYCLOAK_ADMIN_PASSWORD", "admin"))),
				"access_token");
		String person = """
				{"username":"%s","email":"%s@example.com","emailVerified":true,"enabled":true,"firstName":"Bench",
				 "lastName":"Mark","credentials":[{"type":"password","value":"%s","temporary":false}]}"""
			.formatted(username, username, password);
		HttpResponse<String> created = api.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/admin/realms/portal/users"))
			.header("Authorization", "Bearer " + admin)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(person))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (created.statusCode() != 201) {
			throw new IllegalStateException("creating the benchmark person answered " + created.statusCode());
		}
	}

	String passwordGrant() throws Exception {
		return field(form(KEYCLOAK + "/realms/portal/protocol/openid-connect/token",
				Map.of("grant_type", "password", "client_id", "portal-cli", "client_secret", "portal-cli-local-secret",
						"username", username, "password", password)),
				"access_token");
	}

	/** Orders of up to 50 lines (the API's limit per quote), each paid on the simulated hosted page. */
	void buyLicenses(String company) throws Exception {
		int left = LICENSES;
		while (left > 0) {
			int lines = Math.min(50, left);
			String line = "{\"product\":\"BARCODE-READER\",\"licenseType\":\"ANNUAL\",\"quota\":1}";
			String body = "{\"organizationId\":\"" + company + "\",\"lines\":["
					+ String.join(",", Collections.nCopies(lines, line)) + "]}";
			String quote = field(retry(() -> send(api, "POST", GATEWAY + "/api/quotes", body, 201)), "id");
			String order = field(send(api, "POST", GATEWAY + "/api/quotes/" + quote + "/order",
					"{\"paymentMethod\":\"CREDIT_CARD\"}", 201), "id");
			String payment = send(api, "POST", GATEWAY + "/api/orders/" + order + "/payments",
					"{\"method\":\"CREDIT_CARD\",\"returnUrl\":\"" + PORTAL + "/orders/" + order + "\"}", 201);
			String hostedPage = field(payment, "redirectUrl");
			HttpResponse<String> paid = api.send(HttpRequest.newBuilder(URI.create(hostedPage))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("outcome=succeeded"))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (paid.statusCode() != 303) {
				throw new IllegalStateException("the hosted payment page answered " + paid.statusCode());
			}
			left -= lines;
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (Long.parseLong(field(send(api, "GET", GATEWAY + "/api/licenses?size=1", null, 200), "totalItems")) < LICENSES) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the licences did not all appear");
			}
			Thread.sleep(200);
		}
	}

	/** As a browser: the portal sends it to Keycloak's form, which sends it back signed in. */
	void signInToPortal() throws Exception {
		HttpResponse<String> login = browser.send(
				HttpRequest.newBuilder(URI.create(PORTAL + "/")).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(login.body());
		if (!action.find()) {
			action = Pattern.compile("action=\"([^\"]+login-actions[^\"]+)\"").matcher(login.body());
			if (!action.find()) {
				throw new IllegalStateException("no Keycloak sign-in form at " + login.uri());
			}
		}
		String target = action.group(1).replace("&amp;", "&");
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(target))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(Map.of("username", username, "password", password))))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (signedIn.statusCode() != 200 || !signedIn.uri().toString().startsWith(PORTAL)) {
			throw new IllegalStateException("signing in to the portal ended at " + signedIn.uri() + " ("
					+ signedIn.statusCode() + ")");
		}
	}

	String send(HttpClient client, String method, String url, String body, int expected) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	String form(String url, Map<String, String> fields) throws Exception {
		HttpResponse<String> response = api.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	interface Call {

		String send() throws Exception;

	}

	/** Right after the company is created, a service may still be learning of it: a few quick retries. */
	static String retry(Call call) throws Exception {
		for (int attempt = 1;; attempt++) {
			try {
				return call.send();
			}
			catch (IllegalStateException ex) {
				if (attempt == 20) {
					throw ex;
				}
				Thread.sleep(250);
			}
		}
	}

	static String encode(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	static String field(String json, String name) {
		Matcher value = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
		return value.find() ? value.group(1) : null;
	}

	/**
	 * A browser's cookies for this one person, by host and port. Java's own cookie manager sends no
	 * {@code Secure} cookie over plain HTTP, but browsers do on localhost, and Keycloak's are secure.
	 */
	static final class Jar extends CookieHandler {

		final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

		@Override
		public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) {
			Map<String, String> mine = cookies.getOrDefault(uri.getHost() + ":" + uri.getPort(), Map.of());
			if (mine.isEmpty()) {
				return Map.of();
			}
			return Map.of("Cookie", List.of(mine.entrySet()
				.stream()
				.map(cookie -> cookie.getKey() + "=" + cookie.getValue())
				.collect(Collectors.joining("; "))));
		}

		@Override
		public void put(URI uri, Map<String, List<String>> headers) {
			Map<String, String> mine = cookies.computeIfAbsent(uri.getHost() + ":" + uri.getPort(),
					key -> new ConcurrentHashMap<>());
			headers.forEach((name, values) -> {
				if (!"set-cookie".equalsIgnoreCase(name)) {
					return;
				}
				for (String value : values) {
					String pair = value.split(";", 2)[0];
					int equals = pair.indexOf('=');
					String cookie = pair.substring(0, equals).trim();
					String content = pair.substring(equals + 1).trim();
					if (content.isEmpty() || value.toLowerCase(Locale.ROOT).contains("max-age=0")) {
						mine.remove(cookie);
					}
					else {
						mine.put(cookie, content);
					}
				}
			});
		}

	}

	static double percentile(List<Double> values, int percentile) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
