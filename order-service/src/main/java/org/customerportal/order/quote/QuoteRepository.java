package org.customerportal.order.quote;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

interface QuoteRepository extends ListCrudRepository<Quote, UUID> {

	@Lock(LockMode.PESSIMISTIC_WRITE)
	Optional<Quote> findLockedById(UUID id);

}
