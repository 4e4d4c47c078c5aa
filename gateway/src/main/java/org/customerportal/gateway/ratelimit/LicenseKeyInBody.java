package org.customerportal.gateway.ratelimit;

import java.util.Locale;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * The licence key of a validation request ({@code {key, product, deviceId?}}), read from the body
 * without taking it from the service: the bytes are read once (the request size limit still applies)
 * and replayed to the service as they came.
 */
final class LicenseKeyInBody {

	private LicenseKeyInBody() {
	}

	/** The exchange to continue with (its body replayed), and the key, or null when there is none. */
	record Read(ServerWebExchange exchange, String key) {
	}

	static Mono<Read> read(ServerWebExchange exchange, JsonMapper mapper) {
		return DataBufferUtils.join(exchange.getRequest().getBody()).map(buffer -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		}).defaultIfEmpty(new byte[0]).map(bytes -> new Read(replaying(exchange, bytes), key(bytes, mapper)));
	}

	/**
	 * The key as license-service looks it up (trimmed, upper case), or null for a body without a string
	 * {@code key} (the service answers 400). With the key given twice, the last one counts, as for the
	 * service's JSON binding.
	 */
	static String key(byte[] body, JsonMapper mapper) {
		if (body.length == 0) {
			return null;
		}
		String key = null;
		try (JsonParser parser = mapper.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("key".equals(name)) {
					key = value == JsonToken.VALUE_STRING ? parser.getString() : null;
				}
				parser.skipChildren();
			}
		}
		catch (JacksonException ex) {
			// not JSON the service accepts either; a key seen before the error still counts
		}
		return key == null || key.isBlank() ? null : key.strip().toUpperCase(Locale.ROOT);
	}

	private static ServerWebExchange replaying(ServerWebExchange exchange, byte[] bytes) {
		ServerHttpRequest replay = new ServerHttpRequestDecorator(exchange.getRequest()) {
			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
			}
		};
		return exchange.mutate().request(replay).build();
	}

}
