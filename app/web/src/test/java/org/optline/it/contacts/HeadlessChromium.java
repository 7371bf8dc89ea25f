package org.optline.it.contacts;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.optline.it.support.LocalOptline;

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
import java.util.stream.Stream;

/**
 * A headless Chromium, driven by Selenium, that visits one local Optline and nothing else. Controls
 * are found by their label and buttons and links by their accessible name, as assistive technology
 * finds them.
 *
 * <p>The driver and browser paths are given explicitly, so Selenium Manager never runs. Chromium
 * resolves no host name but 127.0.0.1, and its profile, config and cache live in a temporary folder
 * that {@link #close()} deletes.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Dimension DESKTOP = new Dimension(1280, 900);
    /** How long a wait lasts before it fails; htmx swaps on a local server take milliseconds. */
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final URI base;
    private final Path home;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private HeadlessChromium(URI base, Path home, ChromeDriver driver) {
        this.base = base;
        this.home = home;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Starts Chromium for the Optline at {@code base}, which must be on 127.0.0.1. */
    static HeadlessChromium start(URI base) {
        LocalOptline.requireLoopback(base);
        System.setProperty("SE_OFFLINE", "true");
        Path home;
        try {
            home = Files.createTempDirectory("optline-contacts-chromium-");
            Files.createDirectories(home.resolve("profile"));
            Files.createDirectories(home.resolve("config"));
            Files.createDirectories(home.resolve("cache"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary folder for Chromium", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=" + DESKTOP.getWidth() + "," + DESKTOP.getHeight(),
                "--user-data-dir=" + home.resolve("profile"),
                // Bootstrap scrolls smoothly unless reduced motion is preferred, and a click during that
                // scroll can land beside its target.
                "--force-prefers-reduced-motion",
                // Chromium looks up Google hosts at start; this makes every name but 127.0.0.1 unresolvable.
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
        // Chromium inherits the driver's environment, which keeps its config and cache in the temporary folder.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withEnvironment(Map.of(
                        "XDG_CONFIG_HOME", home.resolve("config").toString(),
                        "XDG_CACHE_HOME", home.resolve("cache").toString()))
                .build();
        try {
            return new HeadlessChromium(base, home, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            deleteTree(home);
            throw new IllegalStateException("Could not start " + CHROMIUM + " through " + CHROMEDRIVER
                    + ". Install the Debian packages chromium and chromium-driver (bin/test does it as root).", e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens {@code path} of the Optline under test and checks that the browser stayed there. */
    void open(String path) {
        URI target = base.resolve(path.startsWith("/") ? path.substring(1) : path);
        LocalOptline.requireLoopback(target);
        driver.get(target.toString());
        path();
    }

    /** Returns the path of the page shown, after checking that it belongs to the Optline under test. */
    String path() {
        URI current = URI.create(driver.getCurrentUrl());
        if (!LocalOptline.LOOPBACK.equals(current.getHost()) || current.getPort() != base.getPort()) {
            throw new IllegalStateException("The browser left the Optline under test: it shows " + current);
        }
        return current.getPath();
    }

    /**
     * Takes over a session that signed in over HTTP: drops all cookies, sets {@code cookies}, and returns
     * to the desktop size. The browser cannot always use the sign-in form itself, because its email
     * check rejects some addresses that Optline accepts, such as one with an underscore in the domain.
     */
    void useSession(Map<String, String> cookies) {
        open("/login");
        driver.manage().deleteAllCookies();
        cookies.forEach((name, value) -> driver.manage().addCookie(new Cookie.Builder(name, value)
                .path("/").isHttpOnly(true).build()));
        driver.manage().window().setSize(DESKTOP);
    }

    /** Waits until {@code condition} returns a value that is neither null nor false, and returns it. */
    <T> T await(String what, Function<WebDriver, T> condition) {
        return wait.withMessage("waiting for " + what).until(condition);
    }

    /** Returns the form control that the label with text {@code label} names. */
    WebElement field(String label) {
        WebElement element = driver.findElement(By.xpath("//label[normalize-space()=" + literal(label) + "]"));
        return driver.findElement(By.id(element.getAttribute("for")));
    }

    /** Returns the button named {@code name} by its aria-label or, lacking one, by its text. */
    WebElement button(String name) {
        return driver.findElement(By.xpath(named("//button", name)));
    }

    /** Returns the link named {@code name} by its aria-label or, lacking one, by its text. */
    WebElement link(String name) {
        return driver.findElement(By.xpath(named("//a", name)));
    }

    /** Returns every link named {@code name}, to check that one is absent. */
    List<WebElement> links(String name) {
        return driver.findElements(By.xpath(named("//a", name)));
    }

    /** Returns the element whose aria-label is {@code label}. */
    WebElement labelled(String label) {
        return driver.findElement(By.xpath("//*[@aria-label=" + literal(label) + "]"));
    }

    /** Returns the region named {@code name} by its aria-label or by the heading its aria-labelledby points to. */
    WebElement region(String name) {
        String quoted = literal(name);
        return driver.findElement(By.xpath("//*[@aria-label=" + quoted + " or @aria-labelledby = //*[normalize-space()="
                + quoted + "]/@id]"));
    }

    /** Waits for the page's confirm dialog, accepts it and returns its text. */
    String acceptConfirm() {
        org.openqa.selenium.Alert dialog = wait.withMessage("waiting for a confirm dialog")
                .until(ExpectedConditions.alertIsPresent());
        String text = dialog.getText();
        dialog.accept();
        return text;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(home);
        }
    }

    private static String named(String element, String name) {
        String quoted = literal(name);
        return element + "[@aria-label=" + quoted + " or (not(@aria-label) and normalize-space()=" + quoted + ")]";
    }

    /** Returns {@code text} as an XPath 1.0 string literal, which has no escape for quotes. */
    static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    /** Deletes {@code folder}; Chromium's helpers may write for a moment after quit, so it retries. */
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
