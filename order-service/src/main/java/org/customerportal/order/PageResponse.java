package org.customerportal.order;

import java.util.List;

/**
 * One page of a list, as every list of the public API answers it.
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems) {
}
