package org.customerportal.platform.problem;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * The NUL character (U+0000) is valid in JSON and URLs but PostgreSQL's text columns refuse it:
 * it would surface as a database error deep inside a service. It is refused where input enters
 * instead, as a 400 naming the field or parameter.
 */
final class NulCharacters {

	/** Completes a sentence that starts with the field's name. */
	static final String REASON = "must not contain the NUL character";

	private NulCharacters() {
	}

	static boolean contain(String value) {
		return value != null && value.indexOf('\u0000') >= 0;
	}

	/** Every JSON string bound to a {@code String} (fields, lists, arrays) passes this check. */
	static JacksonModule jacksonModule() {
		return new SimpleModule("portal-no-nul-characters").addDeserializer(String.class, new Deserializer());
	}

	static final class Deserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			String value = super.deserialize(parser, context);
			if (contain(value)) {
				throw new Refused(parser);
			}
			return value;
		}

	}

	/** Jackson adds the field's path as the exception travels up; the exception handler names it. */
	static final class Refused extends InvalidFormatException {

		private static final long serialVersionUID = 1L;

		Refused(JsonParser parser) {
			super(parser, "A string " + REASON, null, String.class);
		}

	}

}
