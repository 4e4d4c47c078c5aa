package org.customerportal.license;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import org.springframework.context.annotation.Configuration;

/**
 * The title and introduction of the service's OpenAPI document (/v3/api-docs, shown in the gateway's
 * Swagger UI); the platform adds what every service shares (version, contact, licence, how to call
 * the API), and each controller its tag and operations.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Customer Portal — licenses, trials and quota", description = """
				Licenses issued from paid orders (annual, perpetual with maintenance) and trials, upcoming renewals,
				quota and device activations, free upgrades, revocation by support, signed license certificates, and
				the public validation call an installed product makes at run time.
				"""))
class ApiDocumentation {
}
