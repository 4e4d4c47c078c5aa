package org.customerportal.platform.config;

import org.customerportal.platform.config.DevelopmentOnly.RefusedException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in the start-up failure report which development convenience was refused and what to set instead. */
class DevelopmentOnlyFailureAnalyzer extends AbstractFailureAnalyzer<RefusedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RefusedException cause) {
		return new FailureAnalysis(cause.what() + " It runs only with the Spring profile local or dev, and none is active.",
				cause.instead() + " On a development machine, start the service with SPRING_PROFILES_ACTIVE=local.",
				cause);
	}

}
