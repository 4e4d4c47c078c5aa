package org.customerportal.portal.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The public API stubbed at the HTTP boundary: one WireMock server per test JVM, reset by each test.
 * Slice tests tell it what the API answers and check what the portal sent it.
 */
public final class Api {

	public static final WireMockServer SERVER = new WireMockServer(WireMockConfiguration.options().dynamicPort());

	public static final String ME = """
			{"id":"u-1","email":"alice@example.com","name":"Alice Anderson",
			 "organizationId":"7f000001-0000-0000-0000-000000000001","primaryContact":true,"roles":["customer"]}""";

	/** {@code GET /api/products}: a product sold as annual and perpetual licences, and one sold as annual only. */
	public static final String PRODUCTS = """
			{"items":[
			  {"code":"BARCODE-READER","name":"Barcode Reader SDK","licenseTypes":["ANNUAL","PERPETUAL"],
			   "unitPrice":{"ANNUAL":{"amount":"1249.00","currency":"USD"},"PERPETUAL":{"amount":"2499.00","currency":"USD"}},
			   "maintenancePrice":{"amount":"499.80","currency":"USD"},"quotaUnit":"developer"},
			  {"code":"MRZ-SCANNER","name":"MRZ Scanner","licenseTypes":["ANNUAL"],
			   "unitPrice":{"ANNUAL":{"amount":"49.00","currency":"USD"}},"maintenancePrice":null,"quotaUnit":"device"}],
			 "page":0,"size":100,"totalItems":2}""";

	static {
		SERVER.start();
		Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop));
	}

	private Api() {
	}

	public static WireMock client() {
		return new WireMock(SERVER.port());
	}

	/** Resets the stubs and answers {@code GET /api/me} with Alice, a primary contact. */
	public static void reset() {
		SERVER.resetAll();
		stub(get(urlPathEqualTo("/api/me")).willReturn(okJson(ME)));
	}

	public static void stub(MappingBuilder mapping) {
		SERVER.stubFor(mapping);
	}

	/** An RFC 9457 problem document, as the API refuses. */
	public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder problem(int status, String detail) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"status\":" + status + ",\"title\":\"Refused\",\"detail\":\"" + detail + "\"}");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Configuration {

		@Bean
		DynamicPropertyRegistrar apiUrl() {
			return registry -> registry.add("portal.web.api-url", SERVER::baseUrl);
		}

	}

}
