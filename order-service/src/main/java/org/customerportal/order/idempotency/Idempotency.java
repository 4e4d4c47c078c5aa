package org.customerportal.order.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.customerportal.order.OrderServiceProperties;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.security.CurrentUser;
import org.customerportal.platform.time.Timestamps;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a POST safe to repeat with an {@code Idempotency-Key} header: the first request with a key
 * runs and its response is stored in the same transaction as its effect; a repeat by the same caller
 * gets that response again (with {@code Idempotent-Replayed: true}) and changes nothing. A repeat that
 * arrives while the first is still running waits for it. A first request that fails stores nothing,
 * so it can be retried with the same key. Reusing a key for a different request answers 422.
 */
@Component
public class Idempotency {

	public static final String HEADER = "Idempotency-Key";

	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	private final OrderServiceProperties properties;

	Idempotency(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock,
			OrderServiceProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Runs {@code action} in a transaction, at most once per caller and key.
	 * @param key the header's value, or null to simply run the action in a transaction
	 * @param operation what is asked, e.g. {@code "POST /api/orders/{id}/payments"} with the ids filled in
	 * @param request the request body, part of what a repeat must match
	 */
	public <T> ResponseEntity<T> execute(String key, CurrentUser caller, String operation, Object request,
			Class<T> responseType, Supplier<ResponseEntity<T>> action) {
		if (key == null) {
			return transactions.execute(status -> action.get());
		}
		String fingerprint = fingerprint(operation, request);
		return transactions.execute(status -> {
			int claimed = jdbc.sql("""
					insert into idempotency_key (user_id, idempotency_key, fingerprint, created_at) values (?, ?, ?, ?)
					on conflict do nothing
					""").params(caller.subject(), key, fingerprint, Timestamps.now(clock)).update();
			if (claimed == 0) {
				return replay(caller, key, fingerprint, responseType).toResponse();
			}
			ResponseEntity<T> response = action.get();
			Answer<T> answer = Answer.of(response);
			jdbc.sql("""
					update idempotency_key set response_status = ?, response_body = ?, response_location = ?
					where user_id = ? and idempotency_key = ?
					""")
				.params(answer.status(), body(answer), location(answer), caller.subject(), key)
				.update();
			return response;
		});
	}

	/**
	 * For an effect made in several transactions (a payment, whose provider is called between two):
	 * the first answer to this caller's key, if a request with it has completed. Call it with the
	 * effect's rows locked, so that a repeat running at the same time has either stored its answer
	 * or not started its last step.
	 * @return empty if no request with the key has completed (a failed one stores nothing)
	 */
	public <T> Optional<Answer<T>> previousAnswer(String key, CurrentUser caller, String operation,
			Object request, Class<T> responseType) {
		boolean stored = jdbc.sql("""
				select exists (select 1 from idempotency_key
				where user_id = ? and idempotency_key = ? and response_status is not null)
				""").params(caller.subject(), key).query(Boolean.class).single();
		return stored ? Optional.of(replay(caller, key, fingerprint(operation, request), responseType))
				: Optional.empty();
	}

	/**
	 * Stores the answer to a request made in several transactions, in the transaction of its last
	 * step; see {@link #previousAnswer}.
	 */
	public void remember(String key, CurrentUser caller, String operation, Object request, Answer<?> answer) {
		jdbc.sql("""
				insert into idempotency_key (user_id, idempotency_key, fingerprint, created_at, response_status,
				                             response_body, response_location)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict do nothing
				""")
			.params(caller.subject(), key, fingerprint(operation, request), Timestamps.now(clock), answer.status(),
					body(answer), location(answer))
			.update();
	}

	private String body(Answer<?> answer) {
		return answer.body() == null ? null : json.writeValueAsString(answer.body());
	}

	private static String location(Answer<?> answer) {
		return answer.location() == null ? null : answer.location().toString();
	}

	/**
	 * An id that is the same for every repeat of this request (same caller, key, operation and body)
	 * and differs for any other: what an effect made in several steps is known by, to the payment
	 * provider for example.
	 */
	public UUID requestId(String key, CurrentUser caller, String operation, Object request) {
		String name = caller.subject() + "\n" + key + "\n" + fingerprint(operation, request);
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

	private <T> Answer<T> replay(CurrentUser caller, String key, String fingerprint, Class<T> responseType) {
		Stored stored = jdbc.sql("""
				select fingerprint, response_status, response_body, response_location from idempotency_key
				where user_id = ? and idempotency_key = ?
				""").params(caller.subject(), key).query(Stored.class).single();
		if (!stored.fingerprint().equals(fingerprint)) {
			throw new BusinessRuleException("This Idempotency-Key was already used for a different request. "
					+ "Use a new key for a new request.");
		}
		T body = stored.responseBody() == null ? null : json.readValue(stored.responseBody(), responseType);
		URI location = stored.responseLocation() == null ? null : URI.create(stored.responseLocation());
		return new Answer<>(stored.responseStatus(), body, location, true);
	}

	private String fingerprint(String operation, Object request) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(operation.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(json.writeValueAsBytes(request));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Forgets keys older than the retention: a repeat after that is a new request. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetOldKeys() {
		jdbc.sql("delete from idempotency_key where created_at < ?")
			.param(Timestamps.of(Instant.now(clock).minus(properties.idempotencyRetention())))
			.update();
	}

	record Stored(String fingerprint, int responseStatus, String responseBody, String responseLocation) {
	}

}
