package org.customerportal.platform.problem;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes a problem document outside Spring MVC (security filters), in the same shape the exception
 * handler produces.
 */
public class ProblemWriter {

	private final JsonMapper mapper;

	private final TraceIds traceIds;

	public ProblemWriter(JsonMapper mapper, TraceIds traceIds) {
		this.mapper = mapper;
		this.traceIds = traceIds;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (problem.getInstance() == null) {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		decorate(problem);
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(mapper.writeValueAsString(asMap(problem)));
	}

	/** Adds what every problem carries: the trace id. */
	public void decorate(ProblemDetail problem) {
		String traceId = traceIds.current();
		if (traceId != null && (problem.getProperties() == null || !problem.getProperties().containsKey("traceId"))) {
			problem.setProperty("traceId", traceId);
		}
	}

	static Map<String, Object> asMap(ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

}
