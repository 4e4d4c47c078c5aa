package org.customerportal.portal.web;

import jakarta.servlet.http.HttpSession;
import org.customerportal.portal.api.PortalApi;

import org.springframework.stereotype.Component;

/**
 * Who is signed in, asked of the API once per session and kept there: every page shows it, and asking
 * on every page would add a call to each. Pages that change it (a company created or joined, a primary
 * contact handed over) call {@link #changed}.
 */
@Component
public class People {

	private static final String KEY = People.class.getName() + ".me";

	private final PortalApi api;

	People(PortalApi api) {
		this.api = api;
	}

	public Me me(HttpSession session) {
		Object known = session.getAttribute(KEY);
		if (known instanceof Me me) {
			return me;
		}
		Me me = api.get(Me.class, "/api/me");
		session.setAttribute(KEY, me);
		return me;
	}

	public void changed(HttpSession session) {
		session.removeAttribute(KEY);
	}

}
