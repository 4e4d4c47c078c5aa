package org.customerportal.portal.license;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.customerportal.portal.support.Api;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** {@code GET /api/products} answering two products, for pages that offer a choice of product. */
public final class CatalogueStub {

	private CatalogueStub() {
	}

	public static void twoProducts() {
		Api.stub(WireMock.get(urlPathEqualTo("/api/products")).willReturn(okJson("""
				{"items":[{"code":"BARCODE-READER","name":"Barcode Reader SDK"},
				          {"code":"LABEL-RECOGNIZER","name":"Label Recognizer SDK"}]}""")));
	}

}
