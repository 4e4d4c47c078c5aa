package org.customerportal.account;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import org.springframework.context.annotation.Configuration;

/**
 * The title and introduction of the service's OpenAPI document (/v3/api-docs, shown in the gateway's
 * Swagger UI); the platform adds what every service shares (version, contact, licence, how to call
 * the API), and each controller its tag and operations.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Customer Portal — accounts and users", description = """
				Company accounts (organizations), their users and invitations, the primary contact, and account
				removal by support. The first call of `GET /api/me` registers the caller from their access token.
				"""))
class ApiDocumentation {
}
