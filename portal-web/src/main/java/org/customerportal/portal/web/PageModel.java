package org.customerportal.portal.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.customerportal.portal.PortalProperties;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page shows: who is signed in, and where to ask for help. */
@ControllerAdvice
class PageModel {

	private static final String[][] MENU = { { "/", "nav.home" }, { "/orders", "nav.orders" },
			{ "/licenses", "nav.licenses" }, { "/licenses/upcoming-renewals", "nav.renewals" },
			{ "/purchase", "nav.purchase" }, { "/trials", "nav.trials" }, { "/account/users", "nav.users" } };

	/** The sales console's first page. */
	static final String SALES = "/sales/products";

	private final People people;

	private final PortalProperties properties;

	PageModel(People people, PortalProperties properties) {
		this.people = people;
		this.properties = properties;
	}

	@ModelAttribute("me")
	Me me(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return null;
		}
		return people.me(request.getSession());
	}

	/** The menu: the FAQ's words; the support and sales consoles only for their staff. */
	@ModelAttribute("navigation")
	List<NavigationItem> navigation(HttpServletRequest request) {
		Me me = me(request);
		if (me == null) {
			return List.of();
		}
		String path = request.getRequestURI();
		List<NavigationItem> items = new ArrayList<>();
		for (String[] item : MENU) {
			items.add(new NavigationItem(item[0], item[1], active(item[0], path)));
		}
		if (me.isSupport()) {
			items.add(new NavigationItem("/support", "nav.support", active("/support", path)));
		}
		if (me.isSales()) {
			items.add(new NavigationItem("/sales", "nav.sales", active("/sales", path)));
		}
		else if (me.isSupport()) {
			items.add(new NavigationItem(SALES, "nav.sales", active(SALES, path)));
		}
		return items;
	}

	/** The item whose path is the longest prefix of the page's path is the current one. */
	private static boolean active(String item, String path) {
		String best = "";
		for (String[] candidate : MENU) {
			if (covers(candidate[0], path) && candidate[0].length() > best.length()) {
				best = candidate[0];
			}
		}
		for (String console : List.of("/support", "/sales")) {
			if (covers(console, path)) {
				best = console;
			}
		}
		// support's entry to the sales console is its catalogue
		return best.equals(item) || best.equals("/sales") && item.equals(SALES);
	}

	private static boolean covers(String item, String path) {
		return item.equals("/") ? path.equals("/") : path.equals(item) || path.startsWith(item + "/");
	}

	public record NavigationItem(String path, String label, boolean active) {
	}

	@ModelAttribute("supportEmail")
	String supportEmail() {
		return properties.supportEmail();
	}

	@ModelAttribute("salesEmail")
	String salesEmail() {
		return properties.salesEmail();
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI();
	}

}
