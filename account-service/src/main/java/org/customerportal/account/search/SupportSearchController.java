package org.customerportal.account.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.customerportal.account.search.SupportSearch.OrganizationMatch;
import org.customerportal.account.search.SupportSearch.UserMatch;
import org.customerportal.platform.web.PageResponse;

import org.springdoc.core.annotations.ParameterObject;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The support console's search: find a person or a company, then open the company's orders and
 * licences (order-service and license-service list them for support with {@code ?organizationId=}).
 * The sales console finds companies to quote with the same company search.
 */
@RestController
@Tag(name = "Support search", description = "Finding people and companies, for support and sales.")
class SupportSearchController {

	private final SupportSearch search;

	SupportSearchController(SupportSearch search) {
		this.search = search;
	}

	/**
	 * What both searches take.
	 * @param query 2 to 100 characters, found anywhere in the text, ignoring case
	 */
	record Search(@NotBlank @Size(min = 2, max = 100) String query, @Min(0) Integer page, @Min(1) @Max(100) Integer size) {

		Search {
			page = page != null ? page : 0;
			size = size != null ? size : 20;
		}

	}

	@GetMapping("/api/users")
	@PreAuthorize("hasRole('support')")
	@Operation(summary = "People whose e-mail address or name contains the query (support only)",
			description = "Case-insensitive; removed accounts are not found. Ordered by e-mail address. "
					+ "403 for anyone but support.")
	PageResponse<UserMatch> users(@Valid @ParameterObject Search search) {
		return this.search.users(search.query(), search.page(), search.size());
	}

	@GetMapping("/api/organizations")
	@PreAuthorize("hasRole('support') or hasRole('sales')")
	@Operation(summary = "Companies whose name, or a member's e-mail address, contains the query (support and sales only)",
			description = "Case-insensitive. Ordered by name. 403 for anyone but support and sales.")
	PageResponse<OrganizationMatch> organizations(@Valid @ParameterObject Search search) {
		return this.search.organizations(search.query(), search.page(), search.size());
	}

}
