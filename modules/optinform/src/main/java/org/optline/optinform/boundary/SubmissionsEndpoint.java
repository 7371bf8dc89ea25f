package org.optline.optinform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.helpdesk.api.MessengerLimits;
import org.optline.helpdesk.api.MessengerTokens;
import org.optline.helpdesk.api.VerifiedVisitor;
import org.optline.optinform.api.OptInFormApp;
import org.optline.optinform.control.FormDetails;
import org.optline.optinform.control.FormInputException;
import org.optline.optinform.control.FormNotFoundException;
import org.optline.optinform.control.FormSubmissions;
import org.optline.optinform.control.SubmissionRequest;
import org.optline.optinform.entity.FormSubmission;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Receives the customer's submission of an opt-in form from the messenger frame. The messenger token
 * in {@value #TOKEN_HEADER} authenticates the visitor, whose contact must own the form's conversation.
 * Requests are counted by client address first and by visitor once the token is verified, before
 * any form is read. Every rejection reads the same and names no reason, so that a caller learns
 * nothing about tokens, forms or contacts.
 */
@Path("messenger/apps/" + OptInFormApp.TYPE + "/{formId}/submissions")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class SubmissionsEndpoint {

    static final String TOKEN_HEADER = MessengerTokens.HEADER;

    /** Input that is well-formed but breaks a rule, such as a landline number (RFC 9110, section 15.5.21). */
    private static final int UNPROCESSABLE_CONTENT = 422;

    private static final Logger LOG = Logger.getLogger(SubmissionsEndpoint.class.getName());

    @Inject
    MessengerTokens tokens;

    @Inject
    MessengerLimits limits;

    @Inject
    FormSubmissions submissions;

    @Inject
    Contacts contacts;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response submit(@PathParam("formId") String formId, @HeaderParam(TOKEN_HEADER) String token,
                           @FormParam("idempotency_key") String idempotencyKey, @FormParam("phone") String phone,
                           @FormParam("locale") String shownLocale, @Context HttpServletRequest request) {
        Optional<Response> limited = limits.admitByIp(request);
        if (limited.isPresent()) {
            return limited.get();
        }
        if (isCrossOrigin(request)) {
            LOG.fine("Rejected an opt-in form submission from another origin");
            return Response.status(Response.Status.FORBIDDEN).entity("Forbidden.").type(MediaType.TEXT_PLAIN).build();
        }
        // The check reads the visitor's contact, which this request then uses as it is.
        Optional<VerifiedVisitor> visitor = token == null ? Optional.empty() : tokens.verifyWithContact(token);
        if (visitor.isEmpty()) {
            LOG.fine("Rejected an opt-in form submission without a valid messenger token");
            return Response.status(Response.Status.FORBIDDEN).entity("Forbidden.").type(MediaType.TEXT_PLAIN).build();
        }
        limited = limits.admitByVisitor(visitor.get().visitor());
        if (limited.isPresent()) {
            return limited.get();
        }
        Optional<Long> id = parseId(formId);
        if (id.isEmpty()) {
            return notFound();
        }
        ContactView contact = visitor.get().contact();
        // The form carries the language it was shown in, which the frame chose from the browser, so the
        // evidence names the texts the customer read. Without it, the contact's stored language is used.
        FormTexts texts = FormTexts.forContactLocale(shownLocale == null || shownLocale.isBlank()
                ? contact.locale() : shownLocale);
        SubmissionRequest submission = new SubmissionRequest(id.get(), contact.id(), idempotencyKey, phone,
                request.getRemoteAddr(), userAgent(request), texts.language(), texts.get(FormTexts.DEFAULT_BUTTON));
        try {
            FormDetails form = submissions.submit(submission, contact);
            return Response.ok(customerView(form, contact, texts, null, null)).build();
        } catch (FormNotFoundException e) {
            return notFound();
        } catch (FormInputException e) {
            // The messenger frame's htmx swaps 4xx responses too, so the form shows the problem in place.
            FormDetails form = submissions.requireOwnForm(id.get(), contact.id());
            return Response.status(UNPROCESSABLE_CONTENT).entity(customerView(form, contact, texts, e.typed(), e))
                    .build();
        }
    }

    private gg.jte.Content customerView(FormDetails form, ContactView contact, FormTexts texts, String typed,
                                        FormInputException problem) {
        return FormViews.render("optinform/customer.jte", Map.of("form", FormViews.customer(form, contact, texts,
                contacts::defaultCountry, typed, problem == null ? null : problem.problem())));
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).entity("Not found.").type(MediaType.TEXT_PLAIN).build();
    }

    private static Optional<Long> parseId(String raw) {
        try {
            return Optional.of(Long.parseLong(raw));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String userAgent(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return agent == null || agent.length() <= FormSubmission.MAX_USER_AGENT ? agent
                : agent.substring(0, FormSubmission.MAX_USER_AGENT);
    }

    /**
     * Returns whether a browser sent the request from a page of another origin. The form lives in the
     * messenger frame, which Optline serves from its own origin, so its requests are same-origin; a
     * request without {@code Origin} and {@code Sec-Fetch-Site} comes from no browser page and is judged
     * by its token alone. A {@code null} Origin passes only with {@code Sec-Fetch-Site: same-origin}.
     */
    static boolean isCrossOrigin(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.toLowerCase(Locale.ROOT).equals("same-origin")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        String host = request.getHeader("Host");
        if (origin == null) {
            return false;
        }
        if (origin.equals("null")) {
            // Chromium sends a null Origin for some same-origin posts from pages with Referrer-Policy no-referrer.
            return !"same-origin".equalsIgnoreCase(fetchSite);
        }
        if (host == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority == null || !authority.equalsIgnoreCase(host)
                    || !request.getScheme().equalsIgnoreCase(uri.getScheme());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
