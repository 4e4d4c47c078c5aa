package org.customerportal.e2e.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.customerportal.e2e.security.ApiDocuments.Operation;
import org.customerportal.e2e.security.Expectations.Row;
import org.customerportal.e2e.support.EndToEndTest;
import org.customerportal.e2e.support.Reply;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the four OpenAPI documents, called through the gateway by each {@link Caller}
 * on company A's resources, answers the status of its row in {@link Expectations}: who may do what is
 * checked for the whole API at once, and an operation without a row fails the test.
 */
@EndToEndTest
@Order(10)
class AuthorizationMatrixJourneyTest {

	@Test
	void everyOperationAnswersEachCallerAsTheContractSays() {
		List<Operation> operations = new ArrayList<>(ApiDocuments.load());
		Map<String, Row> rows = Expectations.rows();

		TreeSet<String> documented = new TreeSet<>();
		operations.forEach(operation -> documented.add(operation.key()));
		TreeSet<String> withoutRow = new TreeSet<>(documented);
		withoutRow.removeAll(rows.keySet());
		TreeSet<String> withoutOperation = new TreeSet<>(rows.keySet());
		withoutOperation.removeAll(documented);
		assertThat(withoutRow).as("operations of the OpenAPI documents without a row in Expectations").isEmpty();
		withoutOperation.removeIf(key -> rows.get(key).undocumented);
		assertThat(withoutOperation).as("rows of Expectations that no OpenAPI document has (any more)").isEmpty();
		rows.values().stream().filter(row -> row.undocumented && !documented.contains(row.key)).forEach(row -> {
			String[] methodAndPath = row.key.split(" ", 2);
			operations.add(new Operation("", methodAndPath[0], methodAndPath[1], List.of(), java.util.Optional.empty(), false));
		});

		Fixtures fixtures = Fixtures.get();
		Requests requests = new Requests();
		List<String> wrong = new ArrayList<>();
		int cells = 0;
		for (Operation operation : operations) {
			Row row = rows.get(operation.key());
			for (Caller caller : row.callingOrder()) {
				Reply reply = requests.json(operation.method(),
						Requests.target(operation.path(), row.pathValues(fixtures, caller), row.queryValues(fixtures)),
						caller.headers(fixtures), row.body.apply(fixtures, caller));
				cells++;
				int expected = row.expected.get(caller);
				if (reply.status() != expected) {
					wrong.add(operation.key() + " by " + caller + ": expected " + expected + ", got " + reply);
				}
				else if (expected >= 400 && !isProblem(reply)) {
					wrong.add(operation.key() + " by " + caller + ": " + expected + " without a problem document: " + reply);
				}
			}
		}
		System.out.printf("[e2e] authorization matrix: %d operations x %d callers = %d cells checked, %d requests sent%n",
				operations.size(), Caller.values().length, cells, requests.sent.get());
		assertThat(wrong).as("cells of the authorization matrix that answered otherwise").isEmpty();
	}

	static boolean isProblem(Reply reply) {
		return reply.header("Content-Type").map(type -> type.startsWith("application/problem+json")).orElse(false);
	}

}
