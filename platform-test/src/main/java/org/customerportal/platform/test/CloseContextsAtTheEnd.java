package org.customerportal.platform.test;

import java.util.ArrayList;
import java.util.List;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Closes the application contexts of the integration tests as soon as the tests are done, while the
 * embedded broker and database still run. Left to the JVM's shutdown hooks, Kafka's test kit deletes
 * the broker's folders at the same time, and the contexts' consumers then wait out their close
 * timeouts, holding the test JVM's exit. Registered through {@code META-INF/services}.
 */
public class CloseContextsAtTheEnd implements TestExecutionListener {

	private static final List<ConfigurableApplicationContext> CONTEXTS = new ArrayList<>();

	static synchronized void register(ConfigurableApplicationContext context) {
		CONTEXTS.add(context);
	}

	@Override
	public void testPlanExecutionFinished(TestPlan testPlan) {
		List<ConfigurableApplicationContext> contexts;
		synchronized (CloseContextsAtTheEnd.class) {
			contexts = new ArrayList<>(CONTEXTS);
			CONTEXTS.clear();
		}
		contexts.forEach(ConfigurableApplicationContext::close);
	}

}
