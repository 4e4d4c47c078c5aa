package org.customerportal.launcher;

import java.util.List;

/**
 * What {@code ./local-run} was asked to do: {@code up [--infra-only|--services-only] [--foreground] [--rebuild]},
 * {@code down [--services-only]}, {@code status}, {@code clean}, {@code help}.
 */
record Arguments(Command command, Scope scope, boolean foreground, boolean rebuild) {

	enum Command {
		UP, DOWN, STATUS, CLEAN, HELP
	}

	/** Which part of the suite a command acts on. */
	enum Scope {
		ALL, INFRASTRUCTURE, SERVICES;

		boolean infrastructure() {
			return this != SERVICES;
		}

		boolean services() {
			return this != INFRASTRUCTURE;
		}
	}

	static Arguments parse(List<String> args) {
		String first = args.isEmpty() ? "up" : args.get(0);
		List<String> options = args.isEmpty() ? List.of() : args.subList(1, args.size());
		if (first.startsWith("--")) {
			// `./local-run --infra-only` is `up --infra-only`, as before
			first = "up";
			options = args;
		}
		Command command = switch (first) {
			case "up" -> Command.UP;
			case "down", "stop" -> Command.DOWN;
			case "status" -> Command.STATUS;
			case "clean" -> Command.CLEAN;
			case "help", "-h" -> Command.HELP;
			default -> throw new IllegalArgumentException("unknown command '" + first + "' (see ./local-run help)");
		};
		Scope scope = Scope.ALL;
		boolean foreground = false;
		boolean rebuild = false;
		for (String option : options) {
			switch (command + " " + option) {
				case "UP --infra-only" -> scope = scope(scope, Scope.INFRASTRUCTURE);
				case "UP --services-only", "DOWN --services-only" -> scope = scope(scope, Scope.SERVICES);
				case "UP --foreground", "UP -f" -> foreground = true;
				case "UP --rebuild" -> rebuild = true;
				default -> throw new IllegalArgumentException(
						"unknown option '" + option + "' of " + first + " (see ./local-run help)");
			}
		}
		return new Arguments(command, scope, foreground, rebuild);
	}

	private static Scope scope(Scope before, Scope now) {
		if (before != Scope.ALL && before != now) {
			throw new IllegalArgumentException("--infra-only and --services-only exclude each other");
		}
		return now;
	}

	static final String USAGE = """
			Customer Portal: the whole suite on one machine without Docker (docs/local-run.md).

			  ./local-run [up] [--infra-only | --services-only] [--foreground] [--rebuild]
			  ./local-run down [--services-only]
			  ./local-run status
			  ./local-run clean      (removes the data folder)

			Options of 'up':
			  --infra-only     PostgreSQL, Kafka, Keycloak and the mail catcher only (for end-to-end tests and CI)
			  --services-only  only the six services (the infrastructure must be up already)
			  --foreground     stay attached; Ctrl-C stops everything
			  --rebuild        build the service jars again even if they exist
			Environment: LOCAL_RUN_DIR (data folder, default .local), JAVA_HOME, PG_BIN (PostgreSQL server
			  binaries to use instead of the ones from Maven), LOCAL_RUN_SERVICE_JAVA_OPTS
			  (default -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC), LOCAL_RUN_CDS (default true: class-data
			  sharing archives of the services), LOCAL_RUN_GATEWAY_IO_THREADS (default 1),
			  LOCAL_RUN_WAIT_{POSTGRES,KAFKA,KEYCLOAK,MAIL,SERVICES} (seconds)
			""";

}
