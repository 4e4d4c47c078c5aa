package org.customerportal.platform.concurrent;

import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Executors for calls to another system that must not hold the caller forever (a time limiter waits on
 * the future). Declare the result as a {@code @Bean}: the context starts it and shuts it down
 * (interrupting calls still running, as nothing waits for them). Registering an {@code Executor} bean
 * would make Boot drop its {@code applicationTaskExecutor}, which sends the outbox; the platform sets
 * {@code spring.task.execution.mode=force} so that it stays.
 */
public final class CallExecutors {

	private CallExecutors() {
	}

	/**
	 * Threads named {@code <name>-<n>}, created on demand and gone after a minute idle, at most
	 * {@code maxThreads}: a system that hangs holds no more than that, and a further call is refused at
	 * once ({@link org.springframework.core.task.TaskRejectedException}) rather than queued. The caller's
	 * trace and other context go along with each call.
	 */
	public static ThreadPoolTaskExecutor bounded(String name, int maxThreads) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(0);
		executor.setMaxPoolSize(maxThreads);
		executor.setQueueCapacity(0);
		executor.setKeepAliveSeconds(60);
		executor.setThreadNamePrefix(name + "-");
		executor.setDaemon(true);
		executor.setTaskDecorator(new ContextPropagatingTaskDecorator());
		return executor;
	}

}
