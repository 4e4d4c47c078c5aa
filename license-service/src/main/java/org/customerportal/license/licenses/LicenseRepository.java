package org.customerportal.license.licenses;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Licences. Saving checks the {@code version} (optimistic locking); the {@code Locked} finders take a row
 * lock for rules that must hold under concurrent requests (quota, trial extensions). Other packages reach
 * licences through {@link Licenses}.
 */
interface LicenseRepository extends ListCrudRepository<License, UUID> {

	@Lock(LockMode.PESSIMISTIC_WRITE)
	Optional<License> findLockedById(UUID id);

	Optional<License> findByLicenseKey(String licenseKey);

	@Query("select * from license where organization_id = :organizationId and product = :product"
			+ " and type = 'TRIAL' and status = 'ACTIVE' for update")
	Optional<License> findActiveTrialLocked(UUID organizationId, String product);

	/** The company's trials of one major version of a product, running or ended. */
	@Query("select * from license where organization_id = :organizationId and product = :product"
			+ " and product_version = :productVersion and type = 'TRIAL' order by created_at")
	List<License> findTrialsOf(UUID organizationId, String product, int productVersion);

	/** A batch of licences past their end and still marked active, locked; rows another instance holds are skipped. */
	@Query("select * from license where status = 'ACTIVE' and expires_at <= :today"
			+ " order by expires_at, id limit :limit for update skip locked")
	List<License> lockEndedActive(LocalDate today, int limit);

}
