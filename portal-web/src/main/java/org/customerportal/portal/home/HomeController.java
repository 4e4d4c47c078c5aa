package org.customerportal.portal.home;

import java.util.List;

import org.customerportal.portal.api.LicenseView;
import org.customerportal.portal.api.OrderView;
import org.customerportal.portal.api.Page;
import org.customerportal.portal.api.PortalApi;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Home: what needs attention — licences ending soon, orders awaiting payment, trials. */
@Controller
class HomeController {

	static final int ENDING_WITHIN_DAYS = 60;

	private static final ParameterizedTypeReference<Page<LicenseView>> LICENSES = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Page<OrderView>> ORDERS = new ParameterizedTypeReference<>() {
	};

	private final PortalApi api;

	HomeController(PortalApi api) {
		this.api = api;
	}

	@GetMapping("/")
	String home(Model model) {
		// three independent reads, at the same time
		PortalApi.Later<Page<LicenseView>> ending = api.later(() -> api.get(LICENSES,
				"/api/licenses/upcoming-renewals?withinDays={days}&size=100", ENDING_WITHIN_DAYS));
		PortalApi.Later<Page<OrderView>> unpaid = api
			.later(() -> api.get(ORDERS, "/api/orders?status=PENDING_PAYMENT&size=100"));
		Page<LicenseView> all = api.get(LICENSES, "/api/licenses?status=ACTIVE&size=100");
		List<LicenseView> trials = all.items().stream().filter(LicenseView::isTrial).toList();
		model.addAttribute("ending", ending.get().items());
		model.addAttribute("unpaid", unpaid.get().items());
		model.addAttribute("trials", trials);
		model.addAttribute("endingWithinDays", ENDING_WITHIN_DAYS);
		return "home";
	}

	@GetMapping("/signed-out")
	String signedOut() {
		return "signed-out";
	}

}
