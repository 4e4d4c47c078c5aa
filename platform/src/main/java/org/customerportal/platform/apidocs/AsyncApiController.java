package org.customerportal.platform.apidocs;

import io.swagger.v3.oas.annotations.Hidden;
import org.customerportal.platform.problem.NotFoundException;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the bundled AsyncAPI documents next to the OpenAPI document, public like it; the gateway
 * passes {@code /asyncapi/…} on. Not an operation of the API itself, so not in the OpenAPI document.
 */
@Hidden
@RestController
class AsyncApiController {

	static final String MEDIA_TYPE = "application/yaml";

	private final AsyncApiBundles bundles;

	AsyncApiController(AsyncApiBundles bundles) {
		this.bundles = bundles;
	}

	@GetMapping(path = "/asyncapi/{name}.yaml", produces = MEDIA_TYPE)
	ResponseEntity<String> document(@PathVariable String name) {
		String document = bundles.document(name + ".yaml")
			.orElseThrow(() -> new NotFoundException("There is no AsyncAPI document " + name + ".yaml here."));
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(document);
	}

}
