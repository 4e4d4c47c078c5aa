package org.customerportal.account.organization;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface OrganizationRepository extends ListCrudRepository<Organization, UUID> {

	@Query("select organization_id from membership where user_id = :userId")
	Optional<UUID> findOrganizationIdOf(String userId);

}
