package org.customerportal.portal.api;

import java.util.concurrent.ThreadPoolExecutor;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The threads that make a page's independent API calls at the same time. Each call carries the
 * signed-in person's token, which the token relay finds through the security context and the request
 * (its session): both are handed to the thread for the call and taken back after it.
 */
@Configuration(proxyBeanMethods = false)
public class ApiCallsConfiguration {

	@Bean(destroyMethod = "shutdown")
	ThreadPoolTaskExecutor apiCalls() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutorBuilder().corePoolSize(16)
			.maxPoolSize(64)
			.queueCapacity(0)
			.threadNamePrefix("api-call-")
			.taskDecorator(new PersonsContext())
			.build();
		// when every thread is busy, the page makes the call itself
		executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
		return executor;
	}

	static final class PersonsContext implements TaskDecorator {

		@Override
		public Runnable decorate(Runnable call) {
			SecurityContext security = SecurityContextHolder.getContext();
			RequestAttributes request = RequestContextHolder.getRequestAttributes();
			Thread page = Thread.currentThread();
			return () -> {
				if (Thread.currentThread() == page) {
					call.run();
					return;
				}
				SecurityContextHolder.setContext(security);
				RequestContextHolder.setRequestAttributes(request);
				try {
					call.run();
				}
				finally {
					RequestContextHolder.resetRequestAttributes();
					SecurityContextHolder.clearContext();
				}
			};
		}

	}

}
