package org.customerportal.platform.config;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Only the data source and Flyway, listed in
 * {@code META-INF/spring/org.customerportal.platform.config.MigrationAutoConfiguration.imports} by name,
 * so that this library needs neither at compile time.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ImportAutoConfiguration
@interface MigrationAutoConfiguration {

}
