package org.customerportal.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChartLintTest {

	@Test
	void chartPassesStrictLint() {
		LintResult result = new Helm(Repository.chart()).lint().strict().call();

		assertThat(result.isFailed()).as("helm lint --strict failed: %s", result.getMessages()).isFalse();
		assertThat(result.getMessages()).noneMatch(m -> m.startsWith("[ERROR]") || m.startsWith("[WARNING]"));
	}

}
