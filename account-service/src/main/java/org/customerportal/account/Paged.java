package org.customerportal.account;

import java.util.List;

/**
 * One page of a list, as every list of the API answers it.
 */
public record Paged<T>(List<T> items, int page, int size, long totalItems) {
}
