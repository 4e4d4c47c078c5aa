package org.customerportal.account.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface UserRepository extends ListCrudRepository<User, String> {

	/** Creates the user unless a concurrent first call already has: either way exactly one row. */
	@Modifying
	@Query("""
			insert into portal_user (id, email, name, created_at, version)
			values (:id, :email, :name, :createdAt, 0)
			on conflict (id) do nothing""")
	int insertIfAbsent(String id, String email, String name, Instant createdAt);

	/** Reads the user and keeps them from being removed until the transaction ends. */
	@Query("select * from portal_user where id = :id for share")
	Optional<User> findByIdForShare(String id);

	@Query("select * from portal_user where id = :id for update")
	Optional<User> findByIdForUpdate(String id);

	@Query("select * from portal_user where lower(email) = lower(:email) and removed_at is null")
	List<User> findActiveByEmail(String email);

}
