package org.optline.app.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import org.optline.access.api.ApiCaller;
import org.optline.access.api.ApiTokens;
import org.optline.app.api.ApiErrors;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Authenticates every request under {@code /api}, and the JSON inbound SMS webhook
 * {@code /webhooks/sms/inbound}, by its access token. Intercom's clients send it as
 * {@code Authorization: Bearer <token>}; its older SDKs send HTTP Basic with the token as user name,
 * which is accepted too. Cookies are ignored, so the API needs no CSRF protection. The filter runs
 * before routing, so an unauthenticated caller learns nothing about which paths exist.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class ApiTokenFilter implements ContainerRequestFilter {

    /** The role of an API caller, so that page roles never grant API access and the reverse. */
    public static final String API_ROLE = "API";

    private static final List<String> TOKEN_WEBHOOK = List.of("webhooks", "sms", "inbound");

    @Inject
    ApiTokens tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!needsToken(segments(request.getUriInfo().getPathSegments(true)))) {
            return;
        }
        Optional<ApiCaller> caller = tokenOf(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .flatMap(tokens::authenticate);
        if (caller.isEmpty()) {
            request.abortWith(ApiErrors.unauthorized());
            return;
        }
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerContext(caller.get(), secure));
    }

    /**
     * Returns the decoded path segments without their matrix parameters and without empty segments, as
     * the router matches them: {@code /api;x=1//contacts/}, {@code /%61pi/contacts} and
     * {@code /api%2Fcontacts} all give {@code [api, contacts]}. Comparing the raw path instead would let such spellings past the check.
     */
    static List<String> segments(List<PathSegment> segments) {
        // A decoded segment may itself hold a slash (from %2F); it is split too, in case the router reads it so.
        return segments.stream().map(PathSegment::getPath).flatMap(segment -> Arrays.stream(segment.split("/")))
                .filter(segment -> !segment.isEmpty()).toList();
    }

    /**
     * Returns whether a request to these segments must carry a token: everything under {@code api}, and
     * the JSON inbound SMS webhook, which providers call with an API token.
     */
    static boolean needsToken(List<String> segments) {
        return !segments.isEmpty() && segments.getFirst().equals("api")
                || segments.equals(TOKEN_WEBHOOK);
    }

    /** Returns the token in a Bearer or Basic authorization header. */
    static Optional<String> tokenOf(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
        String credentials = header.substring(space + 1).strip();
        if (scheme.equals("bearer")) {
            return credentials.isEmpty() ? Optional.empty() : Optional.of(credentials);
        }
        if (scheme.equals("basic")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String user = colon < 0 ? decoded : decoded.substring(0, colon);
                return user.isEmpty() ? Optional.empty() : Optional.of(user);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private record CallerContext(ApiCaller caller, boolean secure) implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return caller::actor;
        }

        @Override
        public boolean isUserInRole(String role) {
            return API_ROLE.equals(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "Bearer";
        }
    }
}
