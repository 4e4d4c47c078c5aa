package org.customerportal.platform.problem;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.MDC;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The trace id of the current request, so a customer can quote it and support can find the logs.
 */
public class TraceIds {

	private final ObjectProvider<Tracer> tracer;

	public TraceIds(ObjectProvider<Tracer> tracer) {
		this.tracer = tracer;
	}

	public String current() {
		Tracer current = tracer.getIfAvailable();
		if (current != null) {
			Span span = current.currentSpan();
			if (span != null) {
				return span.context().traceId();
			}
		}
		return MDC.get("traceId");
	}

}
