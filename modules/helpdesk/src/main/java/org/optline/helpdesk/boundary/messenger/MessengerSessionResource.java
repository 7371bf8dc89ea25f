package org.optline.helpdesk.boundary.messenger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.contacts.api.ContactView;
import org.optline.helpdesk.api.MessengerTokens;
import org.optline.helpdesk.control.messenger.AllowedOrigins;
import org.optline.helpdesk.control.messenger.IdentityHash;
import org.optline.helpdesk.control.messenger.MessengerLocales;
import org.optline.helpdesk.control.messenger.MessengerSettings;
import org.optline.helpdesk.control.messenger.MessengerSessions;
import org.optline.helpdesk.control.messenger.MessengerSettingsStore;
import org.optline.helpdesk.control.messenger.MessengerVisitors;
import org.optline.platform.ConflictException;
import org.optline.platform.DomainException;
import org.optline.platform.InvalidInputException;

import java.io.StringReader;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import static org.optline.platform.Jsons.JSON;

/**
 * {@code POST /messenger/session}: the widget script on an allow-listed site exchanges a visitor id, or
 * an identified user with its HMAC, for a messenger token. CORS headers are sent only to allow-listed
 * origins, and the script sends no credentials, so no cookie is ever involved.
 */
@Path("messenger/session")
@ApplicationScoped
public class MessengerSessionResource {

    private static final Logger LOG = Logger.getLogger(MessengerSessionResource.class.getName());
    /** Larger bodies are rejected unread; a real one is under 1 KB. */
    private static final int MAX_BODY_CHARS = 4096;

    @Inject
    MessengerSettingsStore settings;

    @Inject
    MessengerVisitors visitors;

    @Inject
    MessengerTokens tokens;

    @Inject
    MessengerSessions sessions;

    @Inject
    MessengerGate gate;

    @Context
    HttpServletRequest request;

    @OPTIONS
    @Operation(hidden = true)
    public Response preflight() {
        Optional<String> origin = allowedOrigin();
        if (origin.isEmpty()) {
            return Response.status(403).build();
        }
        return Response.noContent()
                .header("Access-Control-Allow-Origin", origin.get())
                .header("Access-Control-Allow-Methods", "POST")
                .header("Access-Control-Allow-Headers", "Content-Type")
                .header("Access-Control-Max-Age", "600")
                .header("Vary", "Origin")
                .build();
    }

    @POST
    @Operation(hidden = true)
    public Response start(String body) {
        // Counting by address comes first, so that no rejection below can be repeated without limit.
        Optional<Response> limited = gate.limitByIp(request);
        Optional<String> origin = allowedOrigin();
        if (limited.isPresent()) {
            return origin.map(allowed -> cors(Response.fromResponse(limited.get()), allowed)).orElse(limited.get());
        }
        if (origin.isEmpty()) {
            LOG.fine("Rejected a messenger session from an origin that is not on the allow-list");
            return Response.status(403).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("The Origin of this request is not on the messenger's allow-list. An admin adds the "
                            + "website's origin under Messenger.").build();
        }
        try {
            JsonObject json = parse(body);
            return cors(start(json, origin.get()), origin.get());
        } catch (DomainException e) {
            return cors(Response.status(e instanceof ConflictException ? 409 : 400).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(error(e.getMessage())), origin.get());
        }
    }

    private Response.ResponseBuilder start(JsonObject json, String origin) {
        String externalId = text(json, "user_id");
        String email = text(json, "email");
        String locale = MessengerGate.locale(text(json, "locale"), request).getLanguage();
        if (externalId != null || email != null) {
            return startIdentified(externalId, email, text(json, "user_hash"), locale, origin);
        }
        String visitorId = MessengerVisitors.requireVisitorId(text(json, "visitor_id"));
        Optional<Response> limited = gate.limitByVisitor("anonymous:" + visitorId);
        if (limited.isPresent()) {
            return Response.fromResponse(limited.get());
        }
        // The lead is created when the visitor first writes; a returning visitor's lead sets the language.
        String language = visitors.existingLead(visitorId).map(ContactView::locale).orElse(null);
        return issued(sessions.issueForVisitor(visitorId, origin), MessengerLocales.choose(language, locale));
    }

    /**
     * Starts the session of a user whom the website identified by {@code externalId}, or when that is
     * null by {@code email}. The hash covers only that one value, so an email sent next to a user id
     * is ignored. A request counts against the identity's limit only once its hash matches, so wrong
     * hashes cannot lock the user out. Failures count against the client address instead.
     */
    private Response.ResponseBuilder startIdentified(String externalId, String email, String userHash, String locale,
                                                     String origin) {
        String identity = externalId != null ? externalId : email;
        if (!IdentityHash.matches(settings.current().identitySecret(), identity, userHash)) {
            LOG.fine("Rejected a messenger session whose user_hash does not match its identity");
            Optional<Response> limited = gate.limitFailureByIp(request);
            if (limited.isPresent()) {
                return Response.fromResponse(limited.get());
            }
            return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE).entity(error("user_hash is missing "
                    + "or does not match " + (externalId != null ? "user_id" : "email") + ". Compute it on your "
                    + "server as the hex HMAC-SHA256 of that value with the messenger's identity secret."));
        }
        Optional<Response> limited = gate.limitByVisitor("identity:" + identity);
        if (limited.isPresent()) {
            return Response.fromResponse(limited.get());
        }
        ContactView contact = visitors.user(externalId, externalId != null ? null : email, locale);
        return issued(tokens.issue(contact.id(), origin), MessengerLocales.choose(contact.locale(), locale));
    }

    private static Response.ResponseBuilder issued(String token, Locale locale) {
        JsonObject answer = JSON.createObjectBuilder()
                .add("token", token)
                .add("locale", locale.getLanguage())
                .add("expires_in", MessengerTokens.LIFETIME.toSeconds())
                .build();
        return Response.ok(answer.toString(), MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store");
    }

    private Optional<String> allowedOrigin() {
        String origin = request.getHeader("Origin");
        MessengerSettings current = settings.current();
        return AllowedOrigins.normalize(origin).filter(current.allowedOrigins()::contains);
    }

    private static Response cors(Response.ResponseBuilder response, String origin) {
        return response.header("Access-Control-Allow-Origin", origin).header("Vary", "Origin").build();
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank() || body.length() > MAX_BODY_CHARS) {
            throw new InvalidInputException("body", "The request body must be a JSON object of at "
                    + "most " + MAX_BODY_CHARS + " characters, such as {\"visitor_id\": \"...\"}.");
        }
        try (var reader = JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidInputException("body", "The request body is not a JSON object. "
                    + "Send {\"visitor_id\": \"...\"} or {\"user_id\": \"...\", \"user_hash\": \"...\"}.");
        }
    }

    private static String text(JsonObject json, String field) {
        JsonValue value = json.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new InvalidInputException(field, field + " must be a string, got " + value + ".");
        }
        String text = string.getString().strip();
        if (text.length() > 254) {
            throw new InvalidInputException(field, field + " is longer than 254 characters. "
                    + "Send a shorter value.");
        }
        return text.isEmpty() ? null : text;
    }

    private static String error(String message) {
        return JSON.createObjectBuilder().add("error", message).build().toString();
    }
}
