package org.customerportal.gateway.security;

import org.customerportal.gateway.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the firewall refuses (an encoded NUL, slash or backslash in the path, {@code ..} segments,
 * control characters in headers) answers 400 with a problem document like every other refusal,
 * where Spring Security's default answers 400 with an empty body.
 */
class FirewallRefusals implements ServerExchangeRejectedHandler {

	static final String DETAIL = "The request's address or headers contain characters that are not allowed "
			+ "(such as an encoded NUL character, an encoded slash or a \"..\" segment).";

	private static final Logger log = LoggerFactory.getLogger(FirewallRefusals.class);

	private final Problems problems;

	FirewallRefusals(Problems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException refused) {
		log.debug("Firewall refused {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
				refused.getMessage());
		return problems.write(exchange, HttpStatus.BAD_REQUEST, DETAIL);
	}

}
