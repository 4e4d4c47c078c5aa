package org.customerportal.platform.jobs;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link DueJobs} for every service with a database. */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
		"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
		"org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
		"org.customerportal.platform.time.PortalClockAutoConfiguration" })
@ConditionalOnBean({ NamedParameterJdbcTemplate.class, TransactionTemplate.class })
@EnableConfigurationProperties(DueJobProperties.class)
public class DueJobsAutoConfiguration {

	@Bean
	DueJobs dueJobs(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions, Clock clock,
			TaskScheduler scheduler, MeterRegistry meters, DueJobProperties properties) {
		return new DueJobs(jdbc, transactions, clock, scheduler, meters, properties);
	}

}
