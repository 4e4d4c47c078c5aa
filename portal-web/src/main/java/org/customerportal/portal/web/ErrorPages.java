package org.customerportal.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.customerportal.portal.api.ApiProblem;
import org.customerportal.portal.api.ApiUnavailable;
import org.customerportal.portal.api.SignInAgain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a person sees when a page cannot be shown: a dependency down is a page that says so and offers
 * to try again (never a stack trace), something not found or not theirs is a "not found" page, a token
 * the API no longer accepts is a fresh sign-in.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorPages {

	private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

	@ExceptionHandler(ApiUnavailable.class)
	ModelAndView unavailable(ApiUnavailable ex, HttpServletRequest request, HttpServletResponse response) {
		log.warn("{} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		response.setHeader("Retry-After", "10");
		ModelAndView page = new ModelAndView("error/unavailable", HttpStatus.SERVICE_UNAVAILABLE);
		// a retry repeats a GET; after a form, it goes back to the page the form was on
		page.addObject("retryUrl", "GET".equals(request.getMethod()) ? pathWithQuery(request) : referer(request));
		return page;
	}

	@ExceptionHandler(SignInAgain.class)
	String signInAgain(SignInAgain ex, HttpServletRequest request) {
		log.info("{}: signing the person in again", ex.getMessage());
		SecurityContextHolder.clearContext();
		if (request.getSession(false) != null) {
			request.getSession(false).invalidate();
		}
		return "redirect:/";
	}

	@ExceptionHandler(ApiProblem.class)
	ModelAndView refused(ApiProblem ex) {
		if (ex.isNotFound()) {
			return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
		}
		ModelAndView page = new ModelAndView("error/refused", HttpStatus.valueOf(ex.status()));
		page.addObject("detail", ex.detail());
		return page;
	}

	private static String pathWithQuery(HttpServletRequest request) {
		return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
	}

	private static String referer(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		return referer != null ? referer : "/";
	}

}
