package org.customerportal.portal.session;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The browser sessions in PostgreSQL, read once per request.
 * <p>
 * Spring Session saves the session when the response is committed (a page flushes its writer at the
 * end) and again when the request ends; the second time it has forgotten the session it read and
 * reads it from the database once more only to compare identifiers (spring-session#1731). The
 * session it has just saved is the one it would read, so it is handed back instead, for the rest of
 * the same request only.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	@Bean
	static BeanPostProcessor readSessionsOnce() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof SessionRepository<?> sessions ? ReadOnce.around(sessions) : bean;
			}
		};
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> forgetSavedSessionAfterRequest() {
		OncePerRequestFilter forget = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				try {
					chain.doFilter(request, response);
				}
				finally {
					ReadOnce.forget();
				}
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(forget);
		// around Spring Session's filter, so the saved session never outlives its request
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

	/** Remembers the session saved during the current request and answers its next read with it. */
	static final class ReadOnce implements MethodInterceptor {

		private static final ThreadLocal<Session> SAVED = new ThreadLocal<>();

		/** The same store, of the same type, reading a session it has just saved from memory. */
		@SuppressWarnings("unchecked")
		static <R extends SessionRepository<?>> R around(R sessions) {
			ProxyFactory proxy = new ProxyFactory(sessions);
			proxy.setProxyTargetClass(true);
			proxy.addAdvice(new ReadOnce());
			return (R) proxy.getProxy(sessions.getClass().getClassLoader());
		}

		static void forget() {
			SAVED.remove();
		}

		@Override
		public Object invoke(MethodInvocation call) throws Throwable {
			Object[] arguments = call.getArguments();
			switch (call.getMethod().getName()) {
				case "findById" -> {
					Session saved = SAVED.get();
					if (saved != null && saved.getId().equals(arguments[0]) && !saved.isExpired()) {
						return saved;
					}
				}
				case "save" -> {
					Object result = call.proceed();
					SAVED.set((Session) arguments[0]);
					return result;
				}
				case "deleteById" -> SAVED.remove();
				default -> {
				}
			}
			return call.proceed();
		}

	}

}
