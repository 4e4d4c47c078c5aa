package org.customerportal.gateway.edge;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import org.springframework.boot.micrometer.observation.autoconfigure.ObservationProperties;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * {@code http.server.requests} with the route that carried the call ({@value #ROUTE}: {@code order},
 * {@code license}, …, or {@code none} for what the gateway answered without a route): the time per
 * route, the gateway's work included, for dashboards and alerts.
 */
@Component
class RouteTaggedObservationConvention extends DefaultServerRequestObservationConvention {

	static final String ROUTE = "route";

	private static final KeyValue NO_ROUTE = KeyValue.of(ROUTE, "none");

	RouteTaggedObservationConvention(ObservationProperties properties) {
		super(properties.getHttp().getServer().getRequests().getName());
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
		// read when the observation starts (no route yet) and again when it stops
		Route route = (Route) context.getAttributes().get(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return super.getLowCardinalityKeyValues(context).and(route != null ? KeyValue.of(ROUTE, route.getId()) : NO_ROUTE);
	}

}
