package org.customerportal.gateway.openapi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.stereotype.Component;

/**
 * Adapts a service's OpenAPI document for the gateway's Swagger UI: "Try it out" calls go through
 * the gateway (the document's {@code servers} become the gateway itself), and "Authorize" signs in
 * with Keycloak (authorization code with PKCE) or takes a pasted access token. A body that is not
 * an OpenAPI document passes unchanged. Used as {@code ApiDocsThroughGateway} on the docs routes.
 */
@Component
class ApiDocsThroughGatewayGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

	private static final Logger log = LoggerFactory.getLogger(ApiDocsThroughGatewayGatewayFilterFactory.class);

	private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;

	private final JsonMapper mapper;

	private final String keycloakIssuer;

	ApiDocsThroughGatewayGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody,
			JsonMapper mapper, @Value("${portal.gateway.openapi.keycloak-issuer-uri}") String keycloakIssuer) {
		super(Object.class);
		this.modifyResponseBody = modifyResponseBody;
		this.mapper = mapper;
		this.keycloakIssuer = keycloakIssuer.endsWith("/") ? keycloakIssuer.substring(0, keycloakIssuer.length() - 1)
				: keycloakIssuer;
	}

	@Override
	public GatewayFilter apply(Object config) {
		return modifyResponseBody.apply(new ModifyResponseBodyGatewayFilterFactory.Config()
			.setRewriteFunction(byte[].class, byte[].class, (exchange, body) -> Mono.justOrEmpty(rewrite(body))));
	}

	byte[] rewrite(byte[] body) {
		if (body == null) {
			return null;
		}
		JsonNode document;
		try {
			document = mapper.readTree(body);
		}
		catch (JacksonException ex) {
			return body;
		}
		if (!(document instanceof ObjectNode openApi) || !openApi.has("openapi")) {
			return body;
		}
		openApi.putArray("servers").addObject().put("url", "/").put("description", "The Customer Portal API gateway");
		ObjectNode schemes = openApi.withObject("/components").withObject("/securitySchemes");
		if (!schemes.has("keycloak")) {
			ObjectNode code = schemes.putObject("keycloak")
				.put("type", "oauth2")
				.put("description", "Sign in with your portal account.")
				.putObject("flows")
				.putObject("authorizationCode");
			code.put("authorizationUrl", keycloakIssuer + "/protocol/openid-connect/auth");
			code.put("tokenUrl", keycloakIssuer + "/protocol/openid-connect/token");
			code.putObject("scopes").put("openid", "Your identity");
		}
		if (!schemes.has("bearer")) {
			schemes.putObject("bearer")
				.put("type", "http")
				.put("scheme", "bearer")
				.put("bearerFormat", "JWT")
				.put("description", "A Keycloak access token of the portal realm.");
		}
		if (!openApi.has("security")) {
			var security = openApi.putArray("security");
			security.addObject().putArray("keycloak").add("openid");
			security.addObject().putArray("bearer");
		}
		try {
			return mapper.writeValueAsBytes(openApi);
		}
		catch (JacksonException ex) {
			log.warn("Could not rewrite an OpenAPI document: {}", ex.toString());
			return body;
		}
	}

}
