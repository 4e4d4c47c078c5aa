package org.customerportal.launcher;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The mail catcher: GreenMail standalone as a child process, SMTP, IMAP and its REST API on 127.0.0.1,
 * authentication off (any login works; a mailbox springs into existence on delivery).
 */
final class Mail implements Component {

	private final LocalRun run;

	Mail(LocalRun run) {
		this.run = run;
	}

	@Override
	public String name() {
		return "mail";
	}

	@Override
	public List<Integer> ports() {
		return List.of(Ports.SMTP, Ports.IMAP, Ports.MAIL_HTTP);
	}

	@Override
	public String address() {
		return "smtp://localhost:" + Ports.SMTP + " http://localhost:" + Ports.MAIL_HTTP;
	}

	@Override
	public Duration startWait() {
		return run.environment().wait("mail", 60);
	}

	@Override
	public boolean ready() {
		return Probes.http200(Ports.MAIL_HTTP, "/api/service/readiness");
	}

	@Override
	public void start() {
		String version = run.version("greenmail");
		run.console().say("GreenMail " + version + " mail catcher: SMTP 127.0.0.1:" + Ports.SMTP + ", IMAP " + Ports.IMAP
				+ ", HTTP http://localhost:" + Ports.MAIL_HTTP);
		if (run.processes().running(name()).isPresent()) {
			run.console().ok("already running");
			return;
		}
		String jar = run.artifacts()
			.resolve(new Artifacts.Coordinates("com.icegreen", "greenmail-standalone", version, "jar"))
			.toString();
		run.processes().start(name(), List.of(run.java(), "-Xms32m", "-Xmx192m", "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC", "-Xshare:auto", run.marker(), "-Dgreenmail.smtp.hostname=127.0.0.1",
				"-Dgreenmail.smtp.port=" + Ports.SMTP, "-Dgreenmail.imap.hostname=127.0.0.1",
				"-Dgreenmail.imap.port=" + Ports.IMAP, "-Dgreenmail.api.hostname=127.0.0.1",
				"-Dgreenmail.api.port=" + Ports.MAIL_HTTP, "-Dgreenmail.auth.disabled", "-jar", jar), Map.of(), run.data());
	}

	@Override
	public void stop() {
		run.processes().stop(name(), Duration.ofSeconds(10));
	}

}
