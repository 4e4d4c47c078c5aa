package org.customerportal.notification.reminder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.customerportal.notification.reminder.ReminderScan.ScanResult;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs the reminder scan now instead of waiting for its schedule (support only; safe while a
 * scheduled scan runs on this or another instance).
 */
@RestController
@Tag(name = "Reminders", description = "Renewal reminders, queued on a schedule; support can queue today's at once.")
@PreAuthorize("hasRole('support')")
class ReminderScanController {

	private final ReminderScan scan;

	ReminderScanController(ReminderScan scan) {
		this.scan = scan;
	}

	@PostMapping("/api/notifications/reminders/scan")
	@Operation(summary = "Queue the reminders due today now (support only)",
			description = "Queues at once the renewal reminders due today, which the service otherwise queues on its "
					+ "schedule; each (license, threshold, contact) is reminded once. Support only.")
	ScanResult scan() {
		return scan.scan();
	}

}
