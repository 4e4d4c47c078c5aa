package org.customerportal.platform.config;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Development conveniences (a simulated payment page, committed keys, a demo realm, a test clock) run
 * only where a development profile is active: {@code local} or {@code dev} (the local run and the
 * compose file set {@code SPRING_PROFILES_ACTIVE=local}), or {@code test} (integration tests). A
 * service started without one of them refuses such a setting at start-up, so production never runs
 * with it by mistake.
 */
public final class DevelopmentOnly {

	/** The profiles that allow development conveniences. */
	public static final String PROFILES = "local | dev | test";

	private DevelopmentOnly() {
	}

	/** Whether one of the development profiles is active. */
	public static boolean allowed(Environment environment) {
		return environment.acceptsProfiles(Profiles.of(PROFILES));
	}

	/**
	 * Refuses to go on outside the development profiles.
	 * @param what what the convenience is and why production must not use it, as a sentence
	 * @param instead what to set instead, as a sentence
	 * @throws RefusedException unless a development profile is active
	 */
	public static void require(Environment environment, String what, String instead) {
		if (!allowed(environment)) {
			throw new RefusedException(what, instead);
		}
	}

	/** A development convenience was configured where no development profile is active. */
	public static final class RefusedException extends IllegalStateException {

		private final String what;

		private final String instead;

		RefusedException(String what, String instead) {
			super(what + " It runs only with the Spring profile local or dev (SPRING_PROFILES_ACTIVE=local), "
					+ "and no such profile is active. " + instead);
			this.what = what;
			this.instead = instead;
		}

		String what() {
			return what;
		}

		String instead() {
			return instead;
		}

	}

}
