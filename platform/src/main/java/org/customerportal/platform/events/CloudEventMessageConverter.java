package org.customerportal.platform.events;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.SimpleKafkaHeaderMapper;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.messaging.Message;

/**
 * Writes outgoing CloudEvents as JSON bytes with no Java type headers: the topics are a public
 * contract, and readers outside the platform must not see (or depend on) our class names.
 */
class CloudEventMessageConverter extends ByteArrayJacksonJsonMessageConverter {

	CloudEventMessageConverter(JsonMapper mapper) {
		super(mapper);
		setHeaderMapper(new SimpleKafkaHeaderMapper());
	}

	@Override
	protected Headers initialRecordHeaders(Message<?> message) {
		return new RecordHeaders();
	}

}
