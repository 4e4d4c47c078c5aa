package org.customerportal.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services who the client is: {@code X-Forwarded-For} with the one address the gateway
 * resolved, never what the client wrote. Runs after Spring Cloud Gateway has dropped the incoming
 * {@code X-Forwarded-*} headers (no trusted proxies are configured on its side).
 */
class ClientAddressHeaderFilter implements HttpHeadersFilter, Ordered {

	private final ClientAddresses clients;

	ClientAddressHeaderFilter(ClientAddresses clients) {
		this.clients = clients;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(input);
		headers.set("X-Forwarded-For", clients.of(exchange).address());
		return headers;
	}

	@Override
	public int getOrder() {
		// after RemoveXForwardedHeadersFilter (order 0)
		return 1;
	}

}
