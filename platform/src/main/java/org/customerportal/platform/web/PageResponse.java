package org.customerportal.platform.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as every list of the public API answers it: {@code ?page=0&size=20} gives
 * {@code {items, page, size, totalItems}}.
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems) {

	public PageResponse {
		items = List.copyOf(items);
	}

	/** A page cut from a list already in memory (a short, bounded list such as the catalogue). */
	public static <T> PageResponse<T> of(List<T> all, int page, int size) {
		int from = (int) Math.min((long) page * size, all.size());
		int to = (int) Math.min((long) from + size, all.size());
		return new PageResponse<>(all.subList(from, to), page, size, all.size());
	}

	public <R> PageResponse<R> map(Function<? super T, ? extends R> mapper) {
		return new PageResponse<>(items.stream().<R>map(mapper).toList(), page, size, totalItems);
	}

}
