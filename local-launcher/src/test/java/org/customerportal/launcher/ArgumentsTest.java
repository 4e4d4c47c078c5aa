package org.customerportal.launcher;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ArgumentsTest {

	@Test
	void noArgumentIsUpOfTheWholeSuiteInTheBackground() {
		assertThat(Arguments.parse(List.of()))
			.isEqualTo(new Arguments(Arguments.Command.UP, Arguments.Scope.ALL, false, false));
	}

	@Test
	void upTakesItsOptionsInAnyOrder() {
		Arguments arguments = Arguments.parse(List.of("up", "--rebuild", "--services-only", "--foreground"));

		assertThat(arguments.scope()).isEqualTo(Arguments.Scope.SERVICES);
		assertThat(arguments.foreground()).isTrue();
		assertThat(arguments.rebuild()).isTrue();
		assertThat(arguments.scope().infrastructure()).isFalse();
	}

	@Test
	void anOptionAloneMeansUpAsBefore() {
		Arguments arguments = Arguments.parse(List.of("--infra-only"));

		assertThat(arguments.command()).isEqualTo(Arguments.Command.UP);
		assertThat(arguments.scope()).isEqualTo(Arguments.Scope.INFRASTRUCTURE);
		assertThat(arguments.scope().services()).isFalse();
	}

	@Test
	void downMayStopOnlyTheServices() {
		assertThat(Arguments.parse(List.of("down", "--services-only")).scope()).isEqualTo(Arguments.Scope.SERVICES);
		assertThat(Arguments.parse(List.of("stop")).command()).isEqualTo(Arguments.Command.DOWN);
	}

	@Test
	void statusCleanAndHelpTakeNoOptions() {
		assertThat(Arguments.parse(List.of("status")).command()).isEqualTo(Arguments.Command.STATUS);
		assertThat(Arguments.parse(List.of("clean")).command()).isEqualTo(Arguments.Command.CLEAN);
		assertThat(Arguments.parse(List.of("help")).command()).isEqualTo(Arguments.Command.HELP);
		assertThatIllegalArgumentException().isThrownBy(() -> Arguments.parse(List.of("status", "--foreground")))
			.withMessage("unknown option '--foreground' of status (see ./local-run help)");
	}

	@Test
	void refusesWhatItDoesNotKnowWithASentence() {
		assertThatIllegalArgumentException().isThrownBy(() -> Arguments.parse(List.of("start")))
			.withMessage("unknown command 'start' (see ./local-run help)");
		assertThatIllegalArgumentException().isThrownBy(() -> Arguments.parse(List.of("down", "--rebuild")))
			.withMessage("unknown option '--rebuild' of down (see ./local-run help)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Arguments.parse(List.of("up", "--infra-only", "--services-only")))
			.withMessage("--infra-only and --services-only exclude each other");
	}

}
