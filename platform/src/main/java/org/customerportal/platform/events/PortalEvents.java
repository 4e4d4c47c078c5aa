package org.customerportal.platform.events;

final class PortalEvents {

	private PortalEvents() {
	}

	static boolean isExternal(Object event) {
		return event instanceof IntegrationEvent && event.getClass().isAnnotationPresent(PortalEvent.class);
	}

	static PortalEvent metadata(Class<?> type) {
		PortalEvent meta = type.getAnnotation(PortalEvent.class);
		if (meta == null) {
			throw new IllegalStateException(type.getName() + " needs @PortalEvent to be published");
		}
		return meta;
	}

}
