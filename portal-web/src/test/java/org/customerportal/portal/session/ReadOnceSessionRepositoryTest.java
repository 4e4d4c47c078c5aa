package org.customerportal.portal.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.customerportal.portal.session.SessionStoreConfiguration.ReadOnce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

class ReadOnceSessionRepositoryTest {

	private final CountingStore store = new CountingStore();

	private final CountingStore sessions = ReadOnce.around(store);

	@AfterEach
	void endOfRequest() {
		ReadOnce.forget();
	}

	@Test
	void theSessionSavedInThisRequestIsNotReadAgain() {
		MapSession session = sessions.createSession();
		session.setAttribute("person", "alice");
		sessions.save(session);

		MapSession found = sessions.findById(session.getId());

		assertThat(found).isSameAs(session);
		assertThat(store.reads).hasValue(0);
	}

	@Test
	void theNextRequestReadsTheStore() {
		MapSession session = sessions.createSession();
		sessions.save(session);
		ReadOnce.forget();

		MapSession found = sessions.findById(session.getId());

		assertThat(found.getId()).isEqualTo(session.getId());
		assertThat(store.reads).hasValue(1);
	}

	@Test
	void anotherSessionIsReadFromTheStore() {
		MapSession other = store.createSession();
		other.setAttribute("person", "bob");
		store.save(other);
		sessions.save(sessions.createSession());

		assertThat(sessions.findById(other.getId()).<String>getAttribute("person")).isEqualTo("bob");
		assertThat(store.reads).hasValue(1);
	}

	@Test
	void aDeletedOrExpiredSessionIsNotHandedBack() {
		MapSession expired = sessions.createSession();
		expired.setMaxInactiveInterval(Duration.ofMinutes(30));
		expired.setLastAccessedTime(Instant.now().minus(Duration.ofHours(1)));
		sessions.save(expired);
		assertThat(sessions.findById(expired.getId())).isNull();

		MapSession deleted = sessions.createSession();
		sessions.save(deleted);
		sessions.deleteById(deleted.getId());
		assertThat(sessions.findById(deleted.getId())).isNull();
	}

	/** A session store counting its reads. */
	static class CountingStore extends MapSessionRepository {

		final AtomicInteger reads = new AtomicInteger();

		CountingStore() {
			super(new HashMap<>());
		}

		@Override
		public MapSession findById(String id) {
			reads.incrementAndGet();
			return super.findById(id);
		}

	}

}
