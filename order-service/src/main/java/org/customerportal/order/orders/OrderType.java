package org.customerportal.order.orders;

public enum OrderType {

	NEW_PURCHASE, RENEWAL, QUOTA_EXPANSION, UPGRADE

}
