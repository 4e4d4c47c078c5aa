package org.customerportal.notification.preference;

/**
 * The address opted out of renewal reminders; published inside the opt-out's transaction so that the
 * mail queue drops the reminders still waiting, without this package depending on the mail package.
 */
public record RenewalRemindersStopped(String email) {
}
