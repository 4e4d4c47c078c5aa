package org.customerportal.launcher;

import java.time.Duration;
import java.util.Map;

/** The launcher's own settings from its environment (each with its default here). */
record Environment(Map<String, String> variables) {

	String get(String name, String defaultValue) {
		String value = variables.get(name);
		return value == null ? defaultValue : value;
	}

	boolean flag(String name, boolean defaultValue) {
		return Boolean.parseBoolean(get(name, Boolean.toString(defaultValue)));
	}

	/** A bounded wait: {@code LOCAL_RUN_WAIT_<NAME>} seconds. */
	Duration wait(String component, int defaultSeconds) {
		return Duration.ofSeconds(Long.parseLong(get("LOCAL_RUN_WAIT_" + component.toUpperCase(), Integer.toString(defaultSeconds))));
	}

}
