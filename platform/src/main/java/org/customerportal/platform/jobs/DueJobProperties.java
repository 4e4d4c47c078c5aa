package org.customerportal.platform.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param lease how long a claimed row stays with the replica that claimed it; the work on a batch must
 * end within it (each job's calls have shorter timeouts), and the rows of a replica that died are due
 * again after it
 */
@ConfigurationProperties("portal.jobs")
public record DueJobProperties(@DefaultValue("5m") Duration lease) {
}
