package org.customerportal.order.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface PaymentRepository extends ListCrudRepository<Payment, UUID> {

	List<Payment> findByOrderIdOrderByCreatedAt(UUID orderId);

	Optional<Payment> findByOrderIdAndStatus(UUID orderId, PaymentStatus status);

}
