package org.customerportal.platform.events;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.customerportal.platform.retry.RetryBackOff;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;

import org.apache.kafka.common.TopicPartition;

/**
 * Events out through Spring Modulith's event publication registry (the outbox table commits with the
 * change; Kafka gets a CloudEvent after commit), events in through the {@link Inbox}, and the error
 * handling that retries a failing message a few times and then parks it on {@code <topic>.dlt}.
 */
@AutoConfiguration(beforeName = { "org.springframework.modulith.events.kafka.KafkaJacksonConfiguration",
		"org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
@EnableScheduling
@EnableConfigurationProperties(PortalEventsProperties.class)
public class PortalEventsAutoConfiguration {

	@Bean
	EventExternalizationConfiguration portalEventExternalization(Environment environment) {
		String source = CloudEvent.sourceOf(environment.getProperty("spring.application.name", "unknown"));
		return EventExternalizationConfiguration.externalizing()
			.select(PortalEvents::isExternal)
			.route(IntegrationEvent.class,
					event -> RoutingTarget.forTarget(PortalEvents.metadata(event.getClass()).topic())
						.andKey(event.subject()))
			.mapping(IntegrationEvent.class, event -> CloudEvent.wrap(event, source))
			.headers(CloudEvent.class,
					event -> Map.of("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)))
			.build();
	}

	@Bean
	RecordMessageConverter cloudEventMessageConverter(ObjectProvider<JsonMapper> mapper) {
		return new CloudEventMessageConverter(mapper.getIfAvailable(JsonMapper::new));
	}

	@Bean
	FailedPublicationResubmitter failedPublicationResubmitter(FailedEventPublications failed, JdbcTemplate jdbc,
			TransactionTemplate transactions, PortalEventsProperties properties) {
		return new FailedPublicationResubmitter(failed, jdbc, transactions, properties.staleAfter(),
				properties.resubmitInterval());
	}

	@Bean
	OutboxMetrics portalOutboxMetrics(JdbcTemplate jdbc) {
		return new OutboxMetrics(jdbc);
	}

	@Bean
	Inbox inbox(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectProvider<JsonMapper> mapper,
			PortalEventsProperties properties) {
		return new Inbox(jdbc, transactions, mapper.getIfAvailable(JsonMapper::new), properties.owners());
	}

	@Bean
	CommonErrorHandler portalKafkaErrorHandler(KafkaOperations<Object, Object> kafka,
			PortalEventsProperties properties, ObjectProvider<MeterRegistry> meters) {
		DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(kafka,
				(record, exception) -> new TopicPartition(record.topic() + ".dlt", -1));
		MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
		// counted per original topic: an alert on any increase needs no Kafka exporter
		ConsumerRecordRecoverer deadLetters = (record, exception) -> {
			publisher.accept(record, exception);
			Counter.builder("portal.events.dead.letters")
				.description("Incoming messages parked on their dead-letter topic")
				.tag("topic", record.topic())
				.register(registry)
				.increment();
		};
		RetryBackOff backOff = new RetryBackOff(properties.retryBackoff(), properties.retryBackoff().multipliedBy(8));
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff.toExponentialBackOff(properties.retries()));
		handler.addNotRetryableExceptions(PoisonMessageException.class);
		return handler;
	}

	@Bean
	KafkaAdmin.NewTopics portalTopics(PortalEventsProperties properties) {
		return new KafkaAdmin.NewTopics(properties.topics()
			.stream()
			.map(name -> new NewTopic(name, properties.partitions(), properties.replicas()))
			.toArray(NewTopic[]::new));
	}

}
