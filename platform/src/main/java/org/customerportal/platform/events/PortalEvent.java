package org.customerportal.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Where an {@link IntegrationEvent} goes and under which CloudEvent type, e.g.
 * {@code @PortalEvent(topic = "portal.order.events", type = "portal.order.paid.v1")}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PortalEvent {

	String topic();

	String type();

}
