package org.customerportal.order.orders;

public enum OrderStatus {

	PENDING_PAYMENT, PAID, CANCELLED

}
