package org.customerportal.platform.problem;

import io.micrometer.tracing.Tracer;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

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

	/** Registered by Boot with the application's JSON mapper: request bodies with NUL characters answer 400. */
	@Bean
	JacksonModule portalNulCharacterModule() {
		return NulCharacters.jacksonModule();
	}

	/** Query and path parameters with NUL characters answer 400. */
	@Bean
	WebMvcConfigurer portalNulParameterCheck() {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new NulParameterInterceptor());
			}
		};
	}

}
