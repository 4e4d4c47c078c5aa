package org.customerportal.portal.api;

import java.util.List;

/** One page of a list the API answers: {@code {items, page, size, totalItems}}. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

	public Page {
		items = items == null ? List.of() : items;
	}

	public int totalPages() {
		return size == 0 ? 0 : (int) ((totalItems + size - 1) / size);
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}

	public boolean hasPrevious() {
		return page > 0;
	}

}
