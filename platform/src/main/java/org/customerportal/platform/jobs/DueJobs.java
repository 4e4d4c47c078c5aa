package org.customerportal.platform.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Defines the {@link DueJob}s of a service and runs each every {@code interval} on the task scheduler,
 * from the start of the application to its stop.
 */
public class DueJobs implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DueJobs.class);

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final TaskScheduler scheduler;

	private final MeterRegistry meters;

	private final DueJobProperties properties;

	private final List<DueJob<?>> jobs = new CopyOnWriteArrayList<>();

	private final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	DueJobs(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, TaskScheduler scheduler,
			MeterRegistry meters, DueJobProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.scheduler = scheduler;
		this.meters = meters;
		this.properties = properties;
	}

	/** Starts the definition of a job; finish it with {@link DueJob.Definition#schedule()}. */
	public <T> DueJob.Definition<T> define(String name, DueTable table, DueJobSettings settings) {
		return new DueJob.Definition<>(this, name, table, settings);
	}

	<T> DueJob<T> schedule(DueJob.Definition<T> definition) {
		DueJob<T> job = new DueJob<>(definition, jdbc, transactions, clock, properties.lease(), meters);
		jobs.add(job);
		if (running) {
			start(job);
		}
		return job;
	}

	@Override
	public void start() {
		running = true;
		jobs.forEach(this::start);
	}

	private void start(DueJob<?> job) {
		scheduled.add(scheduler.scheduleWithFixedDelay(() -> run(job), Instant.now().plus(job.settings().interval()),
				job.settings().interval()));
	}

	private static void run(DueJob<?> job) {
		try {
			job.runDue();
		}
		catch (RuntimeException ex) {
			log.warn("Job {} failed; trying again next round", job.name(), ex);
		}
	}

	@Override
	public void stop() {
		running = false;
		scheduled.forEach(future -> future.cancel(false));
		scheduled.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
