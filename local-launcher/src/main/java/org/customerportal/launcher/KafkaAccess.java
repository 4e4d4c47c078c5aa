package org.customerportal.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The topics and grants of deploy/kafka/topics-and-acls.txt ({@code topic <name>} and
 * {@code allow <principal> <READ|WRITE> <topic|group> <name>}, a name ending in * being a prefix), applied as
 * the broker's super user. Safe to repeat: existing topics stay, an existing ACL is not added twice.
 */
record KafkaAccess(List<NewTopic> topics, List<AclBinding> acls) {

	static KafkaAccess parse(Path file, int partitions) {
		try {
			return parse(Files.readAllLines(file), partitions);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static KafkaAccess parse(List<String> lines, int partitions) {
		List<NewTopic> topics = new ArrayList<>();
		List<AclBinding> acls = new ArrayList<>();
		for (String line : lines) {
			String[] f = line.strip().split("\\s+");
			if (f[0].isEmpty() || f[0].startsWith("#")) {
				continue;
			}
			switch (f[0]) {
				case "topic" -> topics.add(new NewTopic(f[1], partitions, (short) 1));
				case "allow" -> acls.add(acl(f[1], f[2], f[3], f[4]));
				default -> throw new IllegalArgumentException("unknown line in the topics and ACLs: " + line);
			}
		}
		return new KafkaAccess(topics, acls);
	}

	private static AclBinding acl(String principal, String operation, String resourceType, String name) {
		boolean prefix = name.endsWith("*");
		ResourcePattern resource = new ResourcePattern(ResourceType.valueOf(resourceType.toUpperCase()),
				prefix ? name.substring(0, name.length() - 1) : name, prefix ? PatternType.PREFIXED : PatternType.LITERAL);
		return new AclBinding(resource,
				new AccessControlEntry("User:" + principal, "*", AclOperation.valueOf(operation), AclPermissionType.ALLOW));
	}

	/** Applies them through the given (PLAINTEXT, super user) listener; says what it did. */
	String apply(String bootstrapServers) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000))) {
			Set<String> existing = admin.listTopics().names().get();
			List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
			if (!missing.isEmpty()) {
				admin.createTopics(missing).all().get();
			}
			admin.createAcls(acls).all().get();
			return missing.size() + " topic(s) created, " + (topics.size() - missing.size()) + " present; " + acls.size()
					+ " ACL(s) in place";
		}
		catch (ExecutionException ex) {
			throw new LocalRunException("Kafka refused the admin step: " + ex.getCause(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LocalRunException("the Kafka admin step was interrupted", ex);
		}
	}

}
