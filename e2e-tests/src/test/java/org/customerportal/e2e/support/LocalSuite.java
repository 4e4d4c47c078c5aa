package org.customerportal.e2e.support;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The whole suite, once per test JVM: started with {@code ./local-run up} in a data folder under
 * {@code e2e-tests/target} (a clean checkout starts from scratch; a developer's {@code .local} is left
 * alone) and stopped with {@code ./local-run down} when the last test has run. With
 * {@code E2E_REUSE_RUNNING=true} and a gateway already answering, that suite is used as it is and left
 * running. Prints the wall time of the start, of each journey and of the whole run.
 */
public final class LocalSuite implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(25);

	private static final Duration STOP_TIMEOUT = Duration.ofMinutes(5);

	/** The environment the services need for these tests; they inherit ./local-run's environment. */
	static final Map<String, String> SERVICE_ENVIRONMENT = Map.of(
			// lets support move the services' clocks: notification-service's, so a reminder falls due without
			// waiting weeks; license-service's (a perpetual licence whose maintenance has lapsed); order-service's,
			// so that lapsed maintenance is priced as a paid upgrade and an unpaid wire transfer order runs out
			"PORTAL_TESTCLOCK_ENABLED", "true",
			// order-service's expiry job looks often
			"PORTAL_ORDER_UNPAID_CHECKINTERVAL", "5s");

	private static volatile Suite current;

	@Override
	public void beforeAll(ExtensionContext context) {
		Suite suite = context.getRoot()
			.getStore(ExtensionContext.Namespace.GLOBAL)
			.computeIfAbsent(Suite.class, key -> Suite.start(), Suite.class);
		suite.failIfNotStarted();
		current = suite;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		context.getStore(ExtensionContext.Namespace.create(LocalSuite.class)).put("start", System.nanoTime());
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Long start = context.getStore(ExtensionContext.Namespace.create(LocalSuite.class)).get("start", Long.class);
		if (start != null && current != null) {
			current.took.merge(context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName(),
					Duration.ofNanos(System.nanoTime() - start), Duration::plus);
		}
	}

	/** The ./local-run of the suite under test, to stop and start single services. */
	public static LocalRun localRun() {
		if (current == null || current.localRun == null) {
			throw new IllegalStateException("the suite has not been started");
		}
		return current.localRun;
	}

	/** Whether the suite was started by these tests (false: an already running one is reused). */
	public static boolean startedHere() {
		return current != null && current.startedHere;
	}

	/**
	 * A precondition the suite these tests start always meets (e.g. a test clock): it fails the test
	 * when the suite was started here, and only skips it on a reused suite that may lack it.
	 */
	public static void require(boolean condition, String why) {
		if (startedHere()) {
			Assertions.assertTrue(condition, why);
		}
		else {
			Assumptions.assumeTrue(condition, why);
		}
	}

	static final class Suite implements AutoCloseable {

		private final long startNanos = System.nanoTime();

		private final Map<String, Duration> took = new ConcurrentHashMap<>();

		private final AtomicBoolean stopped = new AtomicBoolean();

		private LocalRun localRun;

		private boolean startedHere;

		private Duration startTook = Duration.ZERO;

		private RuntimeException startFailure;

		static Suite start() {
			Suite suite = new Suite();
			try {
				suite.startOrReuse();
			}
			catch (RuntimeException ex) {
				suite.startFailure = ex;
			}
			suite.startTook = Duration.ofNanos(System.nanoTime() - suite.startNanos);
			LocalRun.log("suite " + (suite.startedHere ? "started" : "reused") + " in " + seconds(suite.startTook));
			return suite;
		}

		private void startOrReuse() {
			Path root = Path.of(System.getProperty("e2e.repository-root", "..")).toAbsolutePath().normalize();
			boolean reuse = Boolean.parseBoolean(Endpoints.env("E2E_REUSE_RUNNING", "false"));
			boolean gatewayUp = Http.answers200(URI.create(Endpoints.GATEWAY_MANAGEMENT + "/actuator/health/readiness"));
			Map<String, String> environment = new LinkedHashMap<>(SERVICE_ENVIRONMENT);
			// A faster start for the services (C1 only); their throughput does not matter here.
			environment.put("LOCAL_RUN_SERVICE_JAVA_OPTS",
					Endpoints.env("LOCAL_RUN_SERVICE_JAVA_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"));
			// A data folder thrown away afterwards: no class-data sharing archives, whose training runs at the stop
			// would only serve a next start
			environment.put("LOCAL_RUN_CDS", Endpoints.env("LOCAL_RUN_CDS", "false"));
			// Busy CI machines: generous, still bounded, waits
			environment.put("LOCAL_RUN_WAIT_KEYCLOAK", Endpoints.env("LOCAL_RUN_WAIT_KEYCLOAK", "600"));
			environment.put("LOCAL_RUN_WAIT_SERVICES", Endpoints.env("LOCAL_RUN_WAIT_SERVICES", "600"));
			environment.put("LOCAL_RUN_WAIT_KAFKA", Endpoints.env("LOCAL_RUN_WAIT_KAFKA", "300"));
			if (gatewayUp && reuse) {
				Path data = Optional.ofNullable(System.getenv("LOCAL_RUN_DIR"))
					.map(Path::of)
					.orElse(root.resolve(".local"))
					.toAbsolutePath();
				localRun = new LocalRun(root, data, environment);
				LocalRun.log("E2E_REUSE_RUNNING=true: using the suite that answers on " + Endpoints.GATEWAY
						+ " (data folder " + data + "); it is left running");
				return;
			}
			if (gatewayUp) {
				throw new IllegalStateException("A portal already answers on " + Endpoints.GATEWAY
						+ ". Stop it (./local-run down) or set E2E_REUSE_RUNNING=true to run the journeys against it.");
			}
			Path data = Path.of(System.getProperty("e2e.local-run-dir", "target/local-run")).toAbsolutePath().normalize();
			localRun = new LocalRun(root, data, environment);
			startedHere = true;
			Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "e2e suite stop"));
			try {
				localRun.run(START_TIMEOUT, "up");
			}
			catch (RuntimeException ex) {
				stop();
				throw ex;
			}
		}

		void failIfNotStarted() {
			if (startFailure != null) {
				throw new IllegalStateException("The suite did not start, so no journey can run", startFailure);
			}
		}

		@Override
		public void close() {
			Duration journeys = Duration.ofNanos(System.nanoTime() - startNanos).minus(startTook);
			stop();
			Duration total = Duration.ofNanos(System.nanoTime() - startNanos);
			StringBuilder summary = new StringBuilder("wall time of the end-to-end run\n");
			line(summary, startTook, startedHere ? "suite start (./local-run up)" : "suite reused");
			took.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.forEach(e -> line(summary, e.getValue(), e.getKey()));
			line(summary, journeys, "journeys together, from the end of the start");
			line(summary, total, "total, with start and stop");
			LocalRun.log(summary.toString());
		}

		private void stop() {
			if (!startedHere || !stopped.compareAndSet(false, true)) {
				return;
			}
			long start = System.nanoTime();
			try {
				localRun.run(STOP_TIMEOUT, "down");
			}
			catch (RuntimeException ex) {
				LocalRun.log("stopping the suite failed: " + ex.getMessage());
			}
			LocalRun.log("suite stopped in " + seconds(Duration.ofNanos(System.nanoTime() - start)));
		}

		private static void line(StringBuilder summary, Duration took, String what) {
			summary.append(String.format("  %8s  %s%n", seconds(took), what));
		}

		private static String seconds(Duration duration) {
			return String.format("%.1f s", duration.toMillis() / 1000.0);
		}

	}

}
