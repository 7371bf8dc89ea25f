package org.optline.app.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import org.optline.access.api.ApiCaller;
import org.optline.access.api.ApiTokens;
import org.optline.app.api.ApiErrors;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
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

    @Inject
    ApiTokens tokens;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!(path.equals("api") || path.startsWith("api/") || path.equals("/api") || path.startsWith("/api/")
                || isTokenWebhook(path))) {
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

    /** Returns whether the path is the JSON inbound SMS webhook, which providers call with an API token. */
    static boolean isTokenWebhook(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.equals("webhooks/sms/inbound");
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
