package org.customerportal.platform.membership;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

class RestAccountService implements AccountService {

	private final RestClient http;

	RestAccountService(RestClient http) {
		this.http = http;
	}

	@Override
	public Me me(String accessToken) {
		return http.get()
			.uri("/api/me")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.body(Me.class);
	}

}
