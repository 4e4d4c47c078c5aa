package org.customerportal.platform.problem;

import io.micrometer.tracing.Tracer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(PortalExceptionHandler.class)
public class PortalProblemAutoConfiguration {

	@Bean
	TraceIds traceIds(ObjectProvider<Tracer> tracer) {
		return new TraceIds(tracer);
	}

	@Bean
	ProblemWriter problemWriter(ObjectProvider<JsonMapper> mapper, TraceIds traceIds) {
		return new ProblemWriter(mapper.getIfAvailable(JsonMapper::new), traceIds);
	}

}
