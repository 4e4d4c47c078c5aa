package org.customerportal.gateway;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class ResilienceIntegrationTest extends GatewayIntegrationTestSupport {

	@Test
	void aStoppedServiceAnswers503QuicklyWhileTheOthersKeepWorkingAndItsRoutesComeBack() {
		ORDER.stop();
		try {
			// first refused connections, then the open circuit breaker: both answer at once
			for (int i = 0; i < 6; i++) {
				long started = System.nanoTime();
				HttpResponse<String> response = get("/api/orders", freshToken());
				Duration took = Duration.ofNanos(System.nanoTime() - started);

				assertThat(took).isLessThan(Duration.ofSeconds(1));
				assertThat(assertProblem(response, 503).get("detail").asString())
					.isEqualTo("This part of the portal is temporarily unavailable. Please try again in a few seconds.");
				assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
			}
			assertThat(get("/api/licenses", freshToken()).statusCode()).isEqualTo(200);
		}
		finally {
			ORDER.start();
		}

		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(get("/api/orders", freshToken()).statusCode()).isEqualTo(200));
	}

	@Test
	void aSlowServiceIsCutAtItsRouteTimeout(CapturedOutput output) {
		long started = System.nanoTime();
		HttpResponse<String> response = get("/api/notifications/slow", freshToken());
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		// the notification route's timeout is one second in this test; the service would take three
		assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
		assertThat(assertProblem(response, 504).get("detail").asString()).startsWith("The portal did not answer in time.");
		// the gateway's log line carries the trace id the customer was given, to find the other hops
		String traceId = response.headers().firstValue("X-Trace-Id").orElseThrow();
		assertThat(output.getOut().lines().filter(line -> line.contains("/api/notifications/slow timed out")))
			.singleElement()
			.asString()
			.contains(traceId);
	}

}
