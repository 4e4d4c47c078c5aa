package org.customerportal.order.orders;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

interface OrderRepository extends ListCrudRepository<Order, UUID> {

	/** Loads the order and holds its row until the transaction ends: payments of one order queue here. */
	@Lock(LockMode.PESSIMISTIC_WRITE)
	Optional<Order> findLockedById(UUID id);

}
