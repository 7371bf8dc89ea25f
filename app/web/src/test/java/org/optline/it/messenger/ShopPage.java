package org.optline.it.messenger;

import com.sun.net.httpserver.HttpServer;
import org.optline.it.support.LocalOptline;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A business's website on another origin than Optline: a JDK HTTP server on 127.0.0.1 and a free port
 * that serves a page in English at / and in German at /de, each embedding the messenger as the admin
 * page's snippet does.
 */
final class ShopPage implements AutoCloseable {

    private final HttpServer server;

    private ShopPage(HttpServer server) {
        this.server = server;
    }

    /** Starts the server; its page loads the widget from {@code optline}. */
    static ShopPage start(URI optline) {
        LocalOptline.requireLoopback(optline);
        String appUrl = optline.getScheme() + "://" + optline.getAuthority();
        byte[] english = html(appUrl, "en").getBytes(StandardCharsets.UTF_8);
        byte[] german = html(appUrl, "de").getBytes(StandardCharsets.UTF_8);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LocalOptline.LOOPBACK), 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestURI().getPath().startsWith("/de") ? german : english;
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new ShopPage(server);
        } catch (IOException e) {
            throw new UncheckedIOException("Starting the shop page server failed", e);
        }
    }

    /** Returns the page in {@code language}, whose messenger settings name that locale. */
    private static String html(String appUrl, String language) {
        return """
                <!DOCTYPE html>
                <html lang="%2$s">
                <head><meta charset="utf-8"><title>Corner Shop</title></head>
                <body>
                <h1>Corner Shop</h1>
                <p>Fresh bread every morning.</p>
                <script>window.optlineSettings = { app_url: "%1$s", locale: "%2$s" };</script>
                <script src="%1$s/widget/optline.js" async></script>
                </body>
                </html>
                """.formatted(appUrl, language);
    }

    /** Returns the origin of the shop, such as http://127.0.0.1:41234. */
    String origin() {
        return "http://" + LocalOptline.LOOPBACK + ":" + server.getAddress().getPort();
    }

    /** Returns the English page. */
    URI page() {
        return URI.create(origin() + "/");
    }

    /** Returns the German page. */
    URI germanPage() {
        return URI.create(origin() + "/de");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
