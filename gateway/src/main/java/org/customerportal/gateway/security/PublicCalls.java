package org.customerportal.gateway.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The calls that pass without a token, as (method, path pattern) pairs checked in one step.
 * <p>
 * Equivalent to one {@code pathMatchers(method, patterns).permitAll()} per method, which the
 * authorisation filter would try one after another as separate reactive matchers on every request.
 */
final class PublicCalls {

	private record Call(HttpMethod method, PathPattern path) {
	}

	private final List<Call> calls = new ArrayList<>();

	PublicCalls allow(HttpMethod method, String... patterns) {
		for (String pattern : patterns) {
			calls.add(new Call(method, PathPatternParser.defaultInstance.parse(pattern)));
		}
		return this;
	}

	boolean matches(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		HttpMethod method = request.getMethod();
		PathContainer path = request.getPath().pathWithinApplication();
		for (Call call : calls) {
			if (call.method().equals(method) && call.path().matches(path)) {
				return true;
			}
		}
		return false;
	}

}
