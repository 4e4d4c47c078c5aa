package org.customerportal.platform.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The explicit mapping from CloudEvent type to the record a consumer binds it to, and what to do with
 * it. Types not listed are skipped (a tolerant reader).
 */
public final class EventHandlers {

	private final Map<String, Handler<?>> handlers;

	private EventHandlers(Map<String, Handler<?>> handlers) {
		this.handlers = Map.copyOf(handlers);
	}

	public static Builder builder() {
		return new Builder();
	}

	Optional<Handler<?>> find(String type) {
		return Optional.ofNullable(handlers.get(type));
	}

	record Handler<T>(Class<T> type, Consumer<T> action) {

		void apply(Object payload) {
			action.accept(type.cast(payload));
		}

	}

	public static final class Builder {

		private final Map<String, Handler<?>> handlers = new LinkedHashMap<>();

		public <T> Builder on(String eventType, Class<T> payloadType, Consumer<T> action) {
			handlers.put(eventType, new Handler<>(payloadType, action));
			return this;
		}

		public EventHandlers build() {
			return new EventHandlers(handlers);
		}

	}

}
