package org.customerportal.platform.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageResponseTest {

	List<String> products = List.of("a", "b", "c", "d", "e");

	@Test
	void cutsTheRequestedPageAndCountsEverything() {
		PageResponse<String> second = PageResponse.of(products, 1, 2);

		assertThat(second.items()).containsExactly("c", "d");
		assertThat(second.page()).isEqualTo(1);
		assertThat(second.size()).isEqualTo(2);
		assertThat(second.totalItems()).isEqualTo(5);
	}

	@Test
	void theLastPageMayBeShortAndAPageBeyondTheEndIsEmpty() {
		assertThat(PageResponse.of(products, 2, 2).items()).containsExactly("e");
		assertThat(PageResponse.of(products, 9, 2).items()).isEmpty();
		assertThat(PageResponse.of(products, Integer.MAX_VALUE, Integer.MAX_VALUE).items()).isEmpty();
	}

	@Test
	void mapsItemsKeepingThePosition() {
		PageResponse<Integer> lengths = PageResponse.of(List.of("ab", "abc"), 0, 20).map(String::length);

		assertThat(lengths).isEqualTo(new PageResponse<>(List.of(2, 3), 0, 20, 2));
	}

}
