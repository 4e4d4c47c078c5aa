package org.customerportal.platform.testapp;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.customerportal.platform.events.IntegrationEvent;
import org.customerportal.platform.problem.BusinessRuleException;
import org.customerportal.platform.problem.ConflictException;
import org.customerportal.platform.problem.InvalidFieldException;
import org.customerportal.platform.problem.NotFoundException;
import org.customerportal.platform.problem.ServiceUnavailableException;
import org.customerportal.platform.security.CurrentUser;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WidgetController {

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher events;

	WidgetController(JdbcTemplate jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	record NewWidget(@NotBlank @Size(max = 50) String name, @Positive int count) {
	}

	record Rename(@NotBlank String name, long version) {
	}

	@PostMapping("/api/widgets")
	@Transactional
	Map<String, Object> create(@Valid @RequestBody NewWidget widget,
			@RequestParam(defaultValue = "false") boolean failAfterPublishing) {
		UUID id = UUID.randomUUID();
		jdbc.update("insert into widget (id, name, count) values (?, ?, ?)", id, widget.name(), widget.count());
		events.publishEvent(new WidgetCreated(IntegrationEvent.newEventId(), Instant.now(), id, widget.name()));
		if (failAfterPublishing) {
			throw new IllegalStateException("failure after publishing, select * from widget");
		}
		return Map.of("id", id);
	}

	@GetMapping("/api/widgets/{id}")
	Map<String, Object> get(@PathVariable UUID id) {
		return jdbc.queryForList("select id, name, count, version from widget where id = ?", id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("There is no widget " + id + "."));
	}

	@GetMapping("/api/widgets")
	List<Map<String, Object>> find(@RequestParam String name) {
		return jdbc.queryForList("select id, name from widget where name = ?", name);
	}

	/** Text that slipped past the checks at the edge: PostgreSQL refuses the NUL character. */
	@PostMapping("/api/widgets/unstorable")
	@Transactional
	void unstorable() {
		jdbc.update("insert into widget (id, name, count) values (?, ?, ?)", UUID.randomUUID(), "nul\u0000byte", 1);
	}

	@PutMapping("/api/widgets/{id}")
	@Transactional
	void rename(@PathVariable UUID id, @Valid @RequestBody Rename rename) {
		int updated = jdbc.update("update widget set name = ?, version = version + 1 where id = ? and version = ?",
				rename.name(), id, rename.version());
		if (updated == 0) {
			throw new OptimisticLockingFailureException("widget " + id + " version " + rename.version());
		}
	}

	@PostMapping("/api/rules/business")
	void business() {
		throw new BusinessRuleException("Widgets cannot be sold on Sundays. Try again on Monday.");
	}

	@PostMapping("/api/rules/invalid-field")
	void invalidField() {
		throw new InvalidFieldException("colour", "is not one this factory paints");
	}

	@PostMapping("/api/rules/conflict")
	void conflict() {
		throw new ConflictException("This widget is already yours.");
	}

	@PostMapping("/api/widgets/{id}/copies")
	@Transactional
	void copy(@PathVariable UUID id) {
		jdbc.update("insert into widget (id, name, count) select id, name, count from widget where id = ?", id);
	}

	@PostMapping("/api/rules/unavailable")
	void unavailable() {
		throw new ServiceUnavailableException("The widget factory does not answer. Try again in a minute.",
				Duration.ofMillis(59_500));
	}

	@GetMapping("/api/boom")
	void boom() {
		throw new IllegalStateException("select secret from credentials");
	}

	@GetMapping("/api/me")
	CurrentUser me(CurrentUser user) {
		return user;
	}

	@GetMapping("/api/me/address")
	Map<String, String> address(CurrentUser user) {
		return Map.of("email", user.verifiedEmail());
	}

	@GetMapping("/api/support-only")
	@PreAuthorize("hasRole('support')")
	Map<String, String> supportOnly() {
		return Map.of("secret", "for support");
	}

	@GetMapping("/api/public/ping")
	Map<String, String> ping() {
		return Map.of("pong", "yes");
	}

}
