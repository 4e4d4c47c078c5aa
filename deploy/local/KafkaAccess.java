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
 * The local run's admin step: creates the topics and the ACLs of deploy/kafka/topics-and-acls.txt on the
 * broker's internal listener (as its super user), in one JVM rather than one kafka-acls call per grant.
 * Safe to repeat: existing topics are left alone, an ACL that exists already is not added twice.
 *
 *   java -cp '<kafka libs>/*' deploy/local/KafkaAccess.java <bootstrap> <file> <partitions>
 */
public class KafkaAccess {

	public static void main(String[] args) throws Exception {
		String bootstrap = args[0];
		Path file = Path.of(args[1]);
		int partitions = Integer.parseInt(args[2]);
		List<NewTopic> topics = new ArrayList<>();
		List<AclBinding> acls = new ArrayList<>();
		for (String line : Files.readAllLines(file)) {
			String[] f = line.strip().split("\\s+");
			if (f[0].isEmpty() || f[0].startsWith("#")) {
				continue;
			}
			switch (f[0]) {
				case "topic" -> topics.add(new NewTopic(f[1], partitions, (short) 1));
				case "allow" -> acls.add(acl(f[1], f[2], f[3], f[4]));
				default -> throw new IllegalArgumentException("unknown line in " + file + ": " + line);
			}
		}
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000))) {
			Set<String> existing = admin.listTopics().names().get();
			List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
			if (!missing.isEmpty()) {
				admin.createTopics(missing).all().get();
			}
			admin.createAcls(acls).all().get();
			System.out.println(missing.size() + " topic(s) created, " + (topics.size() - missing.size())
					+ " present; " + acls.size() + " ACL(s) in place");
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Kafka refused the admin step: " + ex.getCause(), ex.getCause());
		}
	}

	private static AclBinding acl(String principal, String operation, String resourceType, String name) {
		boolean prefix = name.endsWith("*");
		ResourcePattern resource = new ResourcePattern(ResourceType.valueOf(resourceType.toUpperCase()),
				prefix ? name.substring(0, name.length() - 1) : name, prefix ? PatternType.PREFIXED : PatternType.LITERAL);
		return new AclBinding(resource, new AccessControlEntry("User:" + principal, "*",
				AclOperation.valueOf(operation), AclPermissionType.ALLOW));
	}

}
