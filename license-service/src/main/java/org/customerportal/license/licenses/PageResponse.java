package org.customerportal.license.licenses;

import java.util.List;

/**
 * One page of a list: {@code ?page=0&size=20}.
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems) {
}
