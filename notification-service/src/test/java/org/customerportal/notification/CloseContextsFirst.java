package org.customerportal.notification;

import java.util.ArrayList;
import java.util.List;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Closes the shared application context when the tests are done, while the embedded Kafka broker still
 * runs. Left to the JVM's shutdown hooks, the broker may stop first and the context's consumers then
 * wait out their close timeout, holding the test JVM's exit for half a minute.
 */
public class CloseContextsFirst implements TestExecutionListener {

	private static final List<ConfigurableApplicationContext> CONTEXTS = new ArrayList<>();

	static synchronized void register(ConfigurableApplicationContext context) {
		if (!CONTEXTS.contains(context)) {
			CONTEXTS.add(context);
		}
	}

	@Override
	public void testPlanExecutionFinished(TestPlan testPlan) {
		synchronized (CloseContextsFirst.class) {
			CONTEXTS.forEach(ConfigurableApplicationContext::close);
			CONTEXTS.clear();
		}
	}

}
