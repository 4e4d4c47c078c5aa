package org.customerportal.platform.problem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NulParameterInterceptorTest {

	NulParameterInterceptor interceptor = new NulParameterInterceptor();

	@Test
	void aQueryParameterWithAnEncodedNulIsRefusedNamingIt() {
		MockHttpServletRequest request = request("page=0&query=nul%00byte&size=20");
		assertThatExceptionOfType(InvalidFieldException.class).isThrownBy(() -> pass(request))
			.satisfies(ex -> assertThat(ex.field()).isEqualTo("query"))
			.withMessage("The request has invalid fields: query must not contain the NUL character.");
	}

	@Test
	void aPathVariableWithNulIsRefusedNamingIt() {
		MockHttpServletRequest request = request(null);
		request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("licenseId", "abc\u0000"));
		assertThatExceptionOfType(InvalidFieldException.class).isThrownBy(() -> pass(request))
			.satisfies(ex -> assertThat(ex.field()).isEqualTo("licenseId"));
	}

	@Test
	void ordinaryAndOddButStorableParametersPass() {
		MockHttpServletRequest request = request("query=%CE%A9mega+%E2%80%AE%F0%9F%98%80&product=100%25&broken=%zz");
		request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("id", "not-a-uuid"));
		assertThat(pass(request)).isTrue();
		assertThat(pass(request(null))).isTrue();
	}

	private boolean pass(MockHttpServletRequest request) {
		return interceptor.preHandle(request, new MockHttpServletResponse(), new Object());
	}

	private static MockHttpServletRequest request(String query) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/things");
		request.setQueryString(query);
		return request;
	}

}
