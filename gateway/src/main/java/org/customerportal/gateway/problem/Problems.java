package org.customerportal.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes RFC 9457 problem documents in the shape the services use ({@code type, title, status,
 * detail, instance, traceId}), for every answer the gateway gives itself.
 */
@Component
public class Problems {

	private final JsonMapper mapper;

	public Problems(JsonMapper mapper) {
		this.mapper = mapper;
	}

	public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail) {
		return write(exchange, status, detail, headers -> {
		});
	}

	public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail,
			Consumer<HttpHeaders> extraHeaders) {
		ServerHttpResponse response = exchange.getResponse();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		HttpStatus known = HttpStatus.resolve(status.value());
		body.put("title", known != null ? known.getReasonPhrase() : "Error");
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("instance", exchange.getRequest().getPath().value());
		String traceId = TraceIds.of(exchange);
		if (traceId != null) {
			body.put("traceId", traceId);
		}
		byte[] bytes = mapper.writeValueAsBytes(body);
		response.setStatusCode(status);
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		headers.setContentLength(bytes.length);
		extraHeaders.accept(headers);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
	}

}
