package org.customerportal.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * Reads what a service wrote to a topic, as a billing system would, from the beginning. Each call
 * reads the whole topic again, up to its current end.
 */
public final class TopicReader {

	private static final JsonMapper JSON = new JsonMapper();

	private final String topic;

	private final String bootstrapServers;

	private TopicReader(String topic, String bootstrapServers) {
		this.topic = topic;
		this.bootstrapServers = bootstrapServers;
	}

	public static TopicReader of(String topic) {
		return new TopicReader(topic, TestKafka.bootstrapServers());
	}

	public static TopicReader of(String topic, String bootstrapServers) {
		return new TopicReader(topic, bootstrapServers);
	}

	/** A message as read: its key, CloudEvent JSON and headers. */
	public record Message(String key, JsonNode value, String rawValue, Map<String, String> headers) {

		public String type() {
			return value.path("type").asString();
		}

		public JsonNode data() {
			return value.path("data");
		}

	}

	public List<Message> readAll() {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		List<Message> messages = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
					&& System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
					messages.add(toMessage(record));
				}
			}
		}
		return messages;
	}

	/** Waits until a message matching the predicate has been written, and returns all that match. */
	public List<Message> awaitMessages(Predicate<Message> predicate) {
		List<List<Message>> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
			List<Message> matching = readAll().stream().filter(predicate).toList();
			if (matching.isEmpty()) {
				return false;
			}
			found.add(matching);
			return true;
		});
		return found.get(found.size() - 1);
	}

	/** Waits for a message of the CloudEvent type whose subject (the aggregate id) is given. */
	public Message awaitOne(String type, String subject) {
		List<Message> matching = awaitMessages(m -> type.equals(m.type()) && subject.equals(m.key()));
		return matching.get(0);
	}

	private static Message toMessage(ConsumerRecord<String, byte[]> record) {
		String raw = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
		JsonNode value;
		try {
			value = raw == null ? null : JSON.readTree(raw);
		}
		catch (RuntimeException ex) {
			value = null;
		}
		Map<String, String> headers = new java.util.LinkedHashMap<>();
		record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
		return new Message(record.key(), value, raw, headers);
	}

}
