package org.optline.app.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.optline.access.api.AccountView;
import org.optline.access.api.Accounts;
import org.optline.access.api.SessionAttributes;
import org.optline.platform.web.Htmx;

import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Ends the session of an account that was disabled, changed role or changed password since the session
 * signed in, so that such a change takes effect within {@link #RECHECK_AFTER} on every instance.
 */
public class ActiveAccountFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ActiveAccountFilter.class.getName());

    static final Duration RECHECK_AFTER = Duration.ofSeconds(15);

    @Inject
    Accounts accounts;

    /** Accounts as last read from the database, by email; an empty account means it no longer exists. */
    private final Map<String, Checked> recentlyChecked = new ConcurrentHashMap<>();

    private record Checked(Optional<AccountView> account, Instant at) {
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal principal = request.getUserPrincipal();
        if (principal == null || RequestKinds.isApi(request) || RequestKinds.isMessenger(request)
                || RequestKinds.isWebhook(request)
                || RequestKinds.isPreferenceCenter(request) || stillValid(request, principal.getName())) {
            chain.doFilter(request, response);
            return;
        }
        LOG.info("Ended a session whose account was disabled, changed role or changed password since sign-in");
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String signIn = request.getContextPath() + "/login";
        if (request.getHeader(Htmx.REQUEST) != null) {
            response.setHeader(Htmx.REDIRECT, signIn);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            response.sendRedirect(signIn);
        }
    }

    private boolean stillValid(HttpServletRequest request, String email) {
        Optional<AccountView> found = account(email);
        if (found.isEmpty() || found.get().disabled() || !request.isUserInRole(found.get().role().name())) {
            return false;
        }
        HttpSession session = request.getSession(false);
        Object signedInAt = session == null ? null : session.getAttribute(SessionAttributes.SIGNED_IN_AT);
        return signedInAt instanceof Instant at && !at.isBefore(found.get().passwordChangedAt());
    }

    private Optional<AccountView> account(String email) {
        Instant now = Instant.now();
        Checked checked = recentlyChecked.get(email);
        if (checked != null && checked.at().plus(RECHECK_AFTER).isAfter(now)) {
            return checked.account();
        }
        Optional<AccountView> account = accounts.find(email);
        recentlyChecked.put(email, new Checked(account, now));
        return account;
    }
}
