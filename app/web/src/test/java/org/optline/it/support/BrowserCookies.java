package org.optline.it.support;

import java.net.CookieManager;
import java.net.CookieStore;
import java.net.HttpCookie;
import java.net.URI;
import java.util.List;

/**
 * A cookie store that keeps every cookie as an RFC 6265 cookie, as browsers do, so that it goes back to
 * the server exactly as the server set it.
 *
 * <p>Java's {@link HttpCookie#parse} takes any {@code Set-Cookie} header that contains {@code version=}
 * for an RFC 2965 cookie, and Payara's session version cookie {@code JSESSIONIDVERSION=2f:3} contains it
 * in its name. {@link CookieManager} then sends that cookie back quoted, as
 * {@code JSESSIONIDVERSION="2f:3";$Path="/"}. Payara Micro 7.2026.11 keeps the quote in the value on
 * HTTP/1.1, fails with "Odd number of hexadecimal digits", logs it as SEVERE and returns 200 with an
 * empty body, without running the app. Storing each cookie as version 0 makes the store send
 * {@code JSESSIONIDVERSION=2f:3}, as a browser does.
 */
final class BrowserCookies implements CookieStore {

    private final CookieStore store = new CookieManager().getCookieStore();

    @Override
    public void add(URI uri, HttpCookie cookie) {
        cookie.setVersion(0);
        store.add(uri, cookie);
    }

    @Override
    public List<HttpCookie> get(URI uri) {
        return store.get(uri);
    }

    @Override
    public List<HttpCookie> getCookies() {
        return store.getCookies();
    }

    @Override
    public List<URI> getURIs() {
        return store.getURIs();
    }

    @Override
    public boolean remove(URI uri, HttpCookie cookie) {
        return store.remove(uri, cookie);
    }

    @Override
    public boolean removeAll() {
        return store.removeAll();
    }
}
