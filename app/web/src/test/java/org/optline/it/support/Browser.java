package org.optline.it.support;

import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless Chromium driven by Selenium that visits one local Optline and nothing else. It finds
 * elements the way people using assistive technology do: controls by their label, buttons and links
 * by their accessible name, regions by their label.
 *
 * <p>The driver and browser paths are given explicitly, so Selenium Manager never runs and never
 * downloads anything. Chromium resolves no host name other than 127.0.0.1, and its profile, config
 * and cache live in a temporary folder that {@link #close()} deletes.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    /** The desktop window size every test starts from. */
    public static final Dimension DESKTOP = new Dimension(1280, 900);

    /** How long an explicit wait lasts before it fails. htmx swaps take milliseconds on a local server. */
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final URI base;
    private final Path home;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(URI base, Path home, ChromeDriver driver) {
        this.base = base;
        this.home = home;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Starts Chromium for the Optline at {@code base}, which must be on 127.0.0.1. */
    public static Browser start(URI base) {
        return start(base, Map.of());
    }

    /**
     * Starts Chromium like {@link #start(URI)} with third-party cookies blocked, as the privacy settings
     * of many visitors have them, through Chromium's preferences
     * {@code profile.cookie_controls_mode} (1 blocks third-party cookies) and {@code profile.block_third_party_cookies}.
     */
    public static Browser startBlockingThirdPartyCookies(URI base) {
        return start(base, Map.of("profile.cookie_controls_mode", 1, "profile.block_third_party_cookies", true));
    }

    private static Browser start(URI base, Map<String, Object> preferences) {
        LocalOptline.requireLoopback(base);
        System.setProperty("SE_OFFLINE", "true");
        Path home;
        try {
            home = Files.createTempDirectory("optline-chromium-");
            Files.createDirectories(home.resolve("profile"));
            Files.createDirectories(home.resolve("config"));
            Files.createDirectories(home.resolve("cache"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary folder for Chromium", e);
        }

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        if (!preferences.isEmpty()) {
            options.setExperimentalOption("prefs", preferences);
        }
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-default-apps",
                "--no-first-run",
                "--disable-quic",
                "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight(),
                "--user-data-dir=" + home.resolve("profile"),
                // Bootstrap scrolls smoothly unless reduced motion is preferred, and a click during the
                // scroll that WebDriver starts lands beside its target.
                "--force-prefers-reduced-motion",
                // Chromium looks up Google hosts at start, so every host name but 127.0.0.1 is made unresolvable.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");

        // Chromium inherits the driver's environment, so these keep its config and cache in the temporary folder.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withEnvironment(Map.of(
                        "XDG_CONFIG_HOME", home.resolve("config").toString(),
                        "XDG_CACHE_HOME", home.resolve("cache").toString()))
                .build();
        try {
            return new Browser(base, home, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            deleteTree(home);
            throw new IllegalStateException("Could not start " + CHROMIUM + " through " + CHROMEDRIVER
                    + ". Install the Debian packages chromium and chromium-driver (bin/test does it as root).", e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Signs out by dropping all cookies and returns to the desktop window size, so a test starts clean. */
    public void reset() {
        open("/login");
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(DESKTOP);
    }

    /** Opens {@code path} of the Optline under test and checks that the browser stayed there. */
    public void open(String path) {
        URI target = base.resolve(path.startsWith("/") ? path.substring(1) : path);
        LocalOptline.requireLoopback(target);
        driver.get(target.toString());
        requireOnLocalOptline();
    }

    /** Returns the path of the page shown, after checking that it belongs to the Optline under test. */
    public String path() {
        return requireOnLocalOptline().getPath();
    }

    /** Returns the decoded query string of the page shown, or null. */
    public String query() {
        return requireOnLocalOptline().getQuery();
    }

    /**
     * Signs in as {@code email} over HTTP and takes that session over, or fails when sign-in is rejected.
     * The browser does not use the sign-in form, because the form's email field rejects some addresses
     * that Optline accepts, such as one with an underscore in the domain.
     */
    public void signIn(String email, String password) {
        useSession(PageSession.signedIn(base, email, password));
    }

    /**
     * Takes over the session of {@code session}: drops all cookies, sets the session's cookies, and
     * returns to the desktop window size.
     */
    public void useSession(PageSession session) {
        open("/login");
        driver.manage().deleteAllCookies();
        session.cookies().forEach((name, value) -> driver.manage().addCookie(new Cookie.Builder(name, value)
                .path("/").isHttpOnly(true).build()));
        driver.manage().window().setSize(DESKTOP);
    }

    /** Waits until {@code condition} returns a value that is neither null nor false, and returns it. */
    public <T> T await(String expectation, Function<WebDriver, T> condition) {
        return wait.withMessage("waiting for " + expectation).until(condition);
    }

    /** Waits like {@link #await(String, Function)}, up to {@code timeout}, for things slower than a swap. */
    public <T> T await(String expectation, Duration timeout, Function<WebDriver, T> condition) {
        WebDriverWait longWait = new WebDriverWait(driver, timeout);
        longWait.ignoring(StaleElementReferenceException.class);
        return longWait.withMessage("waiting for " + expectation).until(condition);
    }

    /** Returns the form control that the label with text {@code label} names, anywhere on the page. */
    public WebElement field(String label) {
        return field(driver, label);
    }

    /** Returns the form control inside {@code scope} that the label with text {@code label} names. */
    public WebElement field(SearchContext scope, String label) {
        WebElement element = scope.findElement(By.xpath(".//label[normalize-space()=" + literal(label) + "]"));
        String target = element.getAttribute("for");
        if (target == null || target.isEmpty()) {
            return element.findElement(By.xpath(".//input|.//select|.//textarea"));
        }
        return driver.findElement(By.id(target));
    }

    /** Returns the labels on the page whose text is {@code label}, to check that something is absent. */
    public List<WebElement> labels(String label) {
        return driver.findElements(By.xpath("//label[normalize-space()=" + literal(label) + "]"));
    }

    /** Returns the button named {@code name} by its aria-label or, lacking one, by its text. */
    public WebElement button(String name) {
        return button(driver, name);
    }

    public WebElement button(SearchContext scope, String name) {
        return scope.findElement(By.xpath(named(".//button", name)));
    }

    /** Returns every button named {@code name}, to check that one is absent. */
    public List<WebElement> buttons(String name) {
        return driver.findElements(By.xpath(named("//button", name)));
    }

    /** Returns the link named {@code name} by its aria-label or, lacking one, by its text. */
    public WebElement link(String name) {
        return driver.findElement(By.xpath(named("//a", name)));
    }

    /** Returns every link named {@code name}, to check that one is absent. */
    public List<WebElement> links(String name) {
        return driver.findElements(By.xpath(named("//a", name)));
    }

    /** Returns the element whose aria-label is {@code label}, anywhere on the page. */
    public WebElement labelled(String label) {
        return labelled(driver, label);
    }

    /** Returns the element whose aria-label is {@code label} inside {@code scope}, such as a list item. */
    public WebElement labelled(SearchContext scope, String label) {
        return scope.findElement(By.xpath(".//*[@aria-label=" + literal(label) + "]"));
    }

    /** Returns every element whose aria-label is {@code label} inside {@code scope}, to check that one is absent. */
    public List<WebElement> allLabelled(SearchContext scope, String label) {
        return scope.findElements(By.xpath(".//*[@aria-label=" + literal(label) + "]"));
    }

    /**
     * Returns the element whose accessible name is {@code name}, given by aria-label or aria-labelledby.
     * Headings of lists end in a count badge, as in "Live 2", so a trailing count is accepted.
     *
     * @throws NoSuchElementException when no element has that name, so that a wait retries
     */
    public WebElement region(String name) {
        // Two plain queries: an XPath that compares every element's aria-labelledby with a nested query
        // over the whole document runs that query once per element and took seconds on a long list page.
        List<String> labelIds = driver.findElements(By.xpath("//*[@id][starts-with(normalize-space(), " + literal(name) + ")]"))
                .stream()
                .map(label -> label.getAttribute("id"))
                .toList();
        StringBuilder candidates = new StringBuilder("//*[@aria-label=").append(literal(name));
        labelIds.forEach(id -> candidates.append(" or @aria-labelledby=").append(literal(id)));
        candidates.append(']');
        Pattern accepted = Pattern.compile(Pattern.quote(name) + "( \\d+)?");
        return driver.findElements(By.xpath(candidates.toString())).stream()
                .filter(element -> accepted.matcher(element.getAccessibleName().strip()).matches())
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("No element is named '" + name + "' on " + driver.getCurrentUrl()));
    }

    /** Returns the alerts and status messages shown inside {@code scope}, in document order. */
    public List<WebElement> messages(SearchContext scope) {
        return scope.findElements(By.xpath(".//*[@role='alert' or @role='status']"));
    }

    /** Waits for a message inside {@code scope} whose text contains {@code text}, and returns it. */
    public WebElement awaitMessage(SearchContext scope, String text) {
        return await("a message containing '" + text + "'", d -> messages(scope).stream()
                .filter(message -> message.getText().contains(text))
                .findFirst()
                .orElse(null));
    }

    /** Waits for the page's confirm dialog, accepts it and returns its text. */
    public String acceptConfirm() {
        Alert dialog = wait.withMessage("waiting for a confirm dialog")
                .until(ExpectedConditions.alertIsPresent());
        String text = dialog.getText();
        dialog.accept();
        return text;
    }

    /** Returns whether a JavaScript dialog (alert, confirm, prompt) is open. */
    public boolean hasOpenDialog() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /** Quits Chromium and deletes its temporary folder. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(home);
        }
    }

    private URI requireOnLocalOptline() {
        URI current = URI.create(driver.getCurrentUrl());
        if (!LocalOptline.LOOPBACK.equals(current.getHost()) || current.getPort() != base.getPort()) {
            throw new IllegalStateException("The browser left the Optline under test: it shows " + current
                    + ", expected a page of " + base);
        }
        return current;
    }

    private static String named(String element, String name) {
        String quoted = literal(name);
        return element + "[@aria-label=" + quoted + " or (not(@aria-label) and normalize-space()=" + quoted + ")]";
    }

    /** Returns {@code text} as an XPath 1.0 string literal, which has no escape character for quotes. */
    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    /**
     * Deletes {@code folder} and everything in it. Chromium's helper processes may still write for a
     * moment after {@code quit()}, so a walk that meets a vanished or new file is repeated.
     */
    private static void deleteTree(Path folder) {
        IOException last = null;
        for (int attempt = 0; attempt < 5 && Files.exists(folder); attempt++) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                last = e;
            } catch (UncheckedIOException e) {
                last = e.getCause();
            }
        }
        if (Files.exists(folder)) {
            throw new UncheckedIOException("Could not delete Chromium's temporary folder " + folder, last);
        }
    }
}
