package org.customerportal.launcher;

import java.nio.file.Path;
import java.util.List;

import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class KafkaAccessTest {

	@Test
	void readsTopicsAndGrantsAPrefixBeingANameEndingInAStar() {
		KafkaAccess access = KafkaAccess.parse(List.of("# a comment", "", "topic  portal.order.events",
				"allow  billing  READ  topic  portal.order.events", "allow  billing  READ  group  billing-*"), 3);

		assertThat(access.topics()).singleElement().satisfies(topic -> {
			assertThat(topic.name()).isEqualTo("portal.order.events");
			assertThat(topic.numPartitions()).isEqualTo(3);
		});
		assertThat(access.acls()).hasSize(2);
		assertThat(access.acls().get(1).pattern().resourceType()).isEqualTo(ResourceType.GROUP);
		assertThat(access.acls().get(1).pattern().name()).isEqualTo("billing-");
		assertThat(access.acls().get(1).pattern().patternType()).isEqualTo(PatternType.PREFIXED);
		assertThat(access.acls().get(0).entry().principal()).isEqualTo("User:billing");
		assertThat(access.acls().get(0).entry().operation()).isEqualTo(AclOperation.READ);
	}

	@Test
	void theRepositorysFileParses() {
		KafkaAccess access = KafkaAccess.parse(Path.of("../deploy/kafka/topics-and-acls.txt"), 3);

		assertThat(access.topics()).extracting(t -> t.name()).contains("portal.account.events", "portal.order.events.dlt");
		assertThat(access.acls()).isNotEmpty();
	}

	@Test
	void anUnknownLineIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> KafkaAccess.parse(List.of("deny x READ topic t"), 3))
			.withMessageContaining("deny x READ topic t");
	}

}
