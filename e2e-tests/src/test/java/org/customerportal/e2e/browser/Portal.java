package org.customerportal.e2e.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.customerportal.e2e.support.Endpoints;
import org.customerportal.e2e.support.User;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person's browser on the web portal: real Chromium (Debian's {@code chromium}, or
 * {@code CHROMIUM_PATH}) driven by Playwright as a person would — click, type, read what is shown. Each
 * person gets a browser context of their own (own cookies), so two people can be signed in at once.
 * {@link #look(String)} checks the page with axe-core (no serious or critical WCAG 2.2 A/AA violation)
 * and writes screenshots at desktop and phone width under {@code target/screenshots}.
 */
public final class Portal implements AutoCloseable {

	static final int DESKTOP_WIDTH = 1280;

	static final int PHONE_WIDTH = 375;

	private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

	private static Playwright playwright;

	private static Browser chromium;

	private final BrowserContext context;

	private final Page page;

	private final String person;

	private Portal(String person) {
		this.person = person;
		this.context = chromium().newContext(new Browser.NewContextOptions().setViewportSize(DESKTOP_WIDTH, 900)
			.setLocale("en-US")
			.setTimezoneId("UTC"));
		this.context.setDefaultTimeout(30_000);
		this.page = context.newPage();
	}

	/** A fresh browser for {@code person} (a name for the screenshots). */
	public static Portal browser(String person) {
		return new Portal(person);
	}

	public Page page() {
		return page;
	}

	/** Opens a page of the portal, e.g. {@code open("/orders")}. */
	public Portal open(String path) {
		page.navigate(Endpoints.PORTAL + path);
		return this;
	}

	/** Opens any address, e.g. a link from a mail. */
	public Portal openLink(String url) {
		page.navigate(url);
		return this;
	}

	/** Signs in on Keycloak's form, starting from the portal's home page. */
	public Portal signIn(User user) {
		open("/");
		typeCredentials(user.username(), user.password());
		page.waitForURL(Pattern.compile("^" + Pattern.quote(Endpoints.PORTAL.toString()) + ".*"));
		return this;
	}

	/** Keycloak's sign-in form, already open. */
	public void typeCredentials(String username, String password) {
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		page.locator("#kc-login").click();
	}

	public Portal signOut() {
		button("Sign out").click();
		page.waitForURL(Pattern.compile(".*/signed-out$"));
		assertThat(heading()).hasText("You are signed out");
		return this;
	}

	public Locator heading() {
		return page.locator("h1");
	}

	public Locator button(String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	public Locator link(String name) {
		return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	public Locator field(String label) {
		return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
	}

	/** The text of the page's main content. */
	public String mainText() {
		return page.locator("main").innerText();
	}

	/**
	 * Checks the page as it is now with axe-core, at desktop and at phone width, and writes a screenshot
	 * of each: {@code <name>-desktop.png}, {@code <name>-phone.png}.
	 */
	public Portal look(String name) {
		for (int width : new int[] { DESKTOP_WIDTH, PHONE_WIDTH }) {
			page.setViewportSize(width, width == PHONE_WIDTH ? 812 : 900);
			String shot = name + (width == PHONE_WIDTH ? "-phone" : "-desktop");
			screenshot(shot);
			AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
			List<Rule> serious = results.getViolations()
				.stream()
				.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
				.toList();
			assertThat(serious).as("serious or critical accessibility violations on %s (%s): %s", page.url(), shot,
					describe(serious))
				.isEmpty();
		}
		page.setViewportSize(DESKTOP_WIDTH, 900);
		return this;
	}

	private void screenshot(String name) {
		Path dir = Paths.get(System.getProperty("e2e.screenshots-dir", "target/screenshots"));
		try {
			Files.createDirectories(dir);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
	}

	private static String describe(List<Rule> rules) {
		return rules.stream()
			.map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
					+ rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
			.collect(Collectors.joining("; "));
	}

	@Override
	public void close() {
		context.close();
	}

	@Override
	public String toString() {
		return person + "'s browser at " + page.url();
	}

	private static synchronized Browser chromium() {
		if (chromium == null) {
			Path executable = Paths.get(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
			boolean own = Files.isExecutable(executable);
			// With Debian's Chromium nothing is downloaded; elsewhere Playwright may fetch its own browser.
			playwright = Playwright.create(new Playwright.CreateOptions()
				.setEnv(own ? Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1") : Map.of()));
			BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
						"--no-first-run", "--disable-background-networking", "--disable-component-update",
						"--disable-sync"));
			if (own) {
				options.setExecutablePath(executable);
			}
			chromium = playwright.chromium().launch(options);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				chromium.close();
				playwright.close();
			}, "chromium stop"));
		}
		return chromium;
	}

}
