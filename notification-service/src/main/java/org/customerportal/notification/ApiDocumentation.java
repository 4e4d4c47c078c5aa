package org.customerportal.notification;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import org.springframework.context.annotation.Configuration;

/**
 * The title and introduction of the service's OpenAPI document (/v3/api-docs, shown in the gateway's
 * Swagger UI); the platform adds what every service shares (version, contact, licence, how to call
 * the API), and each controller its tag and operations.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Customer Portal — notifications", description = """
				Renewal reminders, e-mail preferences, the signed unsubscribe link (RFC 8058 one-click) and the
				sent-mail log for support.
				"""))
class ApiDocumentation {
}
