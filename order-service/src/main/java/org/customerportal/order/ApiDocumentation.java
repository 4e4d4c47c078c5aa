package org.customerportal.order;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import org.springframework.context.annotation.Configuration;

/**
 * The title and introduction of the service's OpenAPI document (/v3/api-docs, shown in the gateway's
 * Swagger UI); the platform adds what every service shares (version, contact, licence, how to call
 * the API), and each controller its tag and operations.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Customer Portal — catalogue, quotes, orders and payments", description = """
				The product catalogue and its price lists, quotes (the customer's own, and sales quotes with
				discounts), orders and their contacts, payments through the payment provider's hosted page (card
				data never reaches the portal) or by wire transfer and check, renewals, quota expansions and paid
				upgrades. Money is `{amount: "123.45", currency: "USD"}`: a decimal string, never a float.
				"""))
class ApiDocumentation {
}
