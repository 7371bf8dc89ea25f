package org.optline.subscriptions.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.contacts.api.PhoneNumber;
import org.optline.platform.InvalidInputException;
import org.optline.platform.limits.RateLimiter;
import org.optline.platform.web.CrossSite;
import org.optline.platform.web.StandalonePage;
import org.optline.subscriptions.api.ConsentLedger;
import org.optline.subscriptions.api.ConsentOutcome;
import org.optline.subscriptions.api.ConsentRequest;
import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.ContactConsents;
import org.optline.subscriptions.api.Evidence;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.NumberBlockCheck;
import org.optline.subscriptions.api.PreferenceLinks;
import org.optline.subscriptions.api.ShownText;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.SubscriptionTypes;
import org.optline.subscriptions.api.Translation;
import org.optline.subscriptions.control.PreferenceLinkTokens;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The customer's SMS preference center at {@code /p/{token}}: public, without sign-in or cookie, opened
 * from the personal link at the end of a text message.
 *
 * <p>GET and HEAD only read, because link scanners and message previews open links. A POST changes
 * consent when it carries the page's form token, which only a holder of the link can compute; the CSRF
 * filter has already rejected posts from other sites by their {@code Origin}. A wrong, altered or expired
 * token and a deleted contact all get the same 404 page.
 *
 * <p>Every request, GET, HEAD and POST alike, first counts against its client IP address. Over the limit
 * the response is a 429 with {@code Retry-After} and the same page for every link. It is sent before the
 * link is looked up, so that it does not tell a valid link from a wrong one.
 */
@Path("p/{token}")
@ApplicationScoped
@Produces(MediaType.TEXT_HTML)
public class PreferenceCenterPage {

    static final String FORM_TOKEN_FIELD = "form_token";

    private static final Logger LOG = Logger.getLogger(PreferenceCenterPage.class.getName());

    @Inject
    PreferenceLinks links;

    @Inject
    Contacts contacts;

    @Inject
    SubscriptionTypes types;

    @Inject
    ConsentLedger ledger;

    @Inject
    Instance<NumberBlockCheck> numberBlocks;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    @ConfigProperty(name = "optline.business.name", defaultValue = "Optline")
    String businessName;

    private static final int DEFAULT_REQUESTS_PER_IP = 60;

    /** Maximum number of requests to {@code /p/*} per client IP address and minute, across all instances. */
    @Inject
    @ConfigProperty(name = "optline.preference-center.requests-per-ip-per-minute", defaultValue = "60")
    int requestsPerIp;

    /** Replaces a limit under 1, which would turn every customer away, by the default. */
    @PostConstruct
    void checkLimit() {
        if (requestsPerIp < 1) {
            int configured = requestsPerIp;
            requestsPerIp = DEFAULT_REQUESTS_PER_IP;
            LOG.warning(() -> "optline.preference-center.requests-per-ip-per-minute is " + configured + ", which would "
                    + "reject every request; using " + DEFAULT_REQUESTS_PER_IP + ". Set it to 1 or more.");
        }
    }

    @GET
    @Operation(hidden = true)
    public Response show(@PathParam("token") String token, @QueryParam("saved") String saved,
                         @Context HttpServletRequest http) {
        Optional<Response> limited = limitByIp(http);
        if (limited.isPresent()) {
            return limited.get();
        }
        Optional<Customer> customer = customer(token);
        if (customer.isEmpty()) {
            return invalidLink(http);
        }
        Locale locale = customer.get().locale(http);
        CustomerTexts texts = CustomerTexts.forLocale(locale);
        PreferenceCenterModel.Status status = "true".equals(saved)
                ? new PreferenceCenterModel.Status(texts.get("preferences.saved"), false) : null;
        return page(Response.Status.OK, token, customer.get(), locale, texts, status);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response change(@PathParam("token") String token, MultivaluedMap<String, String> form,
                           @Context HttpServletRequest http) {
        Optional<Response> limited = limitByIp(http);
        if (limited.isPresent()) {
            return limited.get();
        }
        Optional<Customer> customer = customer(token);
        if (customer.isEmpty()) {
            return invalidLink(http);
        }
        Locale locale = customer.get().locale(http);
        CustomerTexts texts = CustomerTexts.forLocale(locale);
        boolean crossSite = Boolean.TRUE.equals(http.getAttribute(CrossSite.REQUEST_ATTRIBUTE));
        if (crossSite || !PreferenceLinkTokens.formTokenMatches(token, form.getFirst(FORM_TOKEN_FIELD))) {
            LOG.warning(() -> "Rejected a preference center post for contact " + customer.get().contactId()
                    + (crossSite ? ": it came from another site" : ": missing or wrong form token"));
            return page(Response.Status.FORBIDDEN, token, customer.get(), locale, texts,
                    new PreferenceCenterModel.Status(texts.get("preferences.form_expired"), true));
        }

        boolean unsubscribeAll = form.containsKey("unsubscribe_all");
        String button = texts.get(unsubscribeAll ? "preferences.unsubscribe_all" : "preferences.save");
        Function<SubscriptionTypeView, Evidence> evidence = type -> evidence(http, locale, texts, type, button);
        List<SubscriptionTypeView> live = types.live(MessageType.SMS);
        Set<Long> shown = ids(form.get("shown"));
        Set<Long> checked = ids(form.get("subscription"));
        List<ConsentRequest> requests = unsubscribeAll
                ? PreferenceChoices.unsubscribeAll(live, customer.get().consents(), evidence)
                : PreferenceChoices.save(live, customer.get().consents(), shown, checked, evidence);
        Set<Long> switchedOff = PreferenceChoices.switchedOff(live, unsubscribeAll, shown, checked);
        List<ConsentRequest> sharedOptOuts = PreferenceChoices.sameNumberOptOuts(live, switchedOff,
                sharingConsents(customer.get()), evidence);
        List<ConsentRequest> all = new ArrayList<>(requests);
        all.addAll(sharedOptOuts);
        // One transaction, so the opt-outs of the contacts that share the number are recorded with the
        // customer's changes or not at all.
        List<ConsentOutcome> recorded = ledger.recordAll(all);
        List<ConsentOutcome> outcomes = recorded.subList(0, requests.size());
        long refused = outcomes.stream().filter(ConsentOutcome.Refused.class::isInstance).count();
        LOG.info(() -> "Preference center post for contact " + customer.get().contactId() + ": "
                + (unsubscribeAll ? "unsubscribe from all, " : "save, ") + (outcomes.size() - refused)
                + " changes recorded, " + refused + " refused");
        if (!sharedOptOuts.isEmpty()) {
            logSharedOptOuts(customer.get().contactId(), sharedOptOuts, recorded.subList(requests.size(), recorded.size()));
        }

        if (refused > 0) {
            Customer reread = customer(token).orElseThrow();
            return page(Response.Status.CONFLICT, token, reread, locale, texts,
                    new PreferenceCenterModel.Status(texts.get("preferences.refused"), true));
        }
        return Response.seeOther(URI.create("/p/" + token + "?saved=true")).build();
    }

    /** Returns the consents of the other contacts that hold the customer's phone number, in id order. */
    private List<ContactConsents> sharingConsents(Customer customer) {
        String phone = customer.consents().phone();
        if (phone == null) {
            return List.of();
        }
        PhoneNumber number;
        try {
            number = contacts.parsePhone("phone", phone);
        } catch (InvalidInputException e) {
            // A number stored before a change of the phone metadata may no longer parse. The customer's own
            // change is still recorded, but the other contacts of the number are not found.
            LOG.warning(() -> "Contact " + customer.contactId() + " has the stored number " + PhoneNumber.mask(phone)
                    + ", which no longer parses (" + e.getMessage() + "); its preference center changes apply to "
                    + "this contact alone");
            return List.of();
        }
        return contacts.findByPhone(number).stream()
                .map(ContactView::id)
                .filter(id -> id != customer.contactId())
                .flatMap(id -> ledger.consentsOf(id).stream())
                .toList();
    }

    private static void logSharedOptOuts(long contactId, List<ConsentRequest> requests, List<ConsentOutcome> outcomes) {
        for (int i = 0; i < requests.size(); i++) {
            ConsentRequest request = requests.get(i);
            ConsentOutcome outcome = outcomes.get(i);
            if (outcome instanceof ConsentOutcome.Refused refused) {
                LOG.warning(() -> "Preference center opt-out of contact " + contactId + " from subscription type "
                        + request.subscriptionTypeId() + " was not recorded for contact " + request.contactId()
                        + ", which shares the number: " + refused.message());
            } else if (outcome instanceof ConsentOutcome.Changed) {
                LOG.info(() -> "Preference center opt-out of contact " + contactId + " from subscription type "
                        + request.subscriptionTypeId() + " recorded for contact " + request.contactId()
                        + ", which shares the number");
            }
        }
    }

    /** A contact opened through a valid link, with the consent it has now. */
    private record Customer(ContactView contact, ContactConsents consents) {

        long contactId() {
            return contact.id();
        }

        Locale locale(HttpServletRequest http) {
            return CustomerLocales.resolve(contact.locale(), http.getHeader("Accept-Language"));
        }
    }

    private Optional<Customer> customer(String token) {
        return links.contactOf(token)
                .flatMap(contactId -> contacts.find(contactId)
                        .flatMap(contact -> ledger.consentsOf(contactId).map(consents -> new Customer(contact, consents))));
    }

    private Response page(Response.Status status, String token, Customer customer, Locale locale,
                          CustomerTexts texts, PreferenceCenterModel.Status message) {
        List<PreferenceCenterModel.Item> items = types.live(MessageType.SMS).stream()
                .map(type -> PreferenceCenterModel.Item.of(type, locale,
                        PreferenceChoices.subscribed(type, customer.consents())))
                .toList();
        Map<Long, MessageType> messageTypes = new HashMap<>();
        for (long typeId : customer.consents().states().keySet()) {
            types.find(typeId).ifPresent(type -> messageTypes.put(typeId, type.messageType()));
        }
        PreferenceCenterModel center = new PreferenceCenterModel(texts, businessName, items, "/p/" + token, "post",
                PreferenceLinkTokens.formToken(token), message, startNeeded(customer.consents(), messageTypes));
        StandalonePage page = new StandalonePage(output -> SubscriptionTypesPage.TEMPLATES.render(
                "preferences/center.jte", Map.of("center", center), output));
        return Response.status(status).entity(page).header("X-Robots-Tag", "noindex").build();
    }

    /**
     * Returns what keeps the provider from texting the customer until they text START: the number's block
     * when the messaging module keeps one (it stays after the customer switches types on here), else the
     * source of the latest keyword or carrier opt-out among the states.
     */
    private ConsentSource startNeeded(ContactConsents consents, Map<Long, MessageType> messageTypes) {
        if (numberBlocks.isResolvable() && consents.phone() != null) {
            return numberBlocks.get().blockedBy(consents.phone()).orElse(null);
        }
        return PreferenceChoices.optOutNeedingStart(consents, messageTypes);
    }

    /**
     * Returns the evidence of a change to {@code type}: the request's address and user agent, and what the
     * page showed for the type, with the introduction as legal text.
     */
    private Evidence evidence(HttpServletRequest http, Locale locale, CustomerTexts texts, SubscriptionTypeView type,
                              String button) {
        Translation text = type.translationFor(locale);
        String legalText = "<p>" + escape(texts.get("preferences.intro", businessName)) + "</p>"
                + (text.description().isEmpty() ? "" : "<p>" + escape(text.description()) + "</p>");
        ShownText shown = new ShownText(text.locale().value(), text.name(), button, legalText);
        return new Evidence(http.getRemoteAddr(), http.getHeader("User-Agent"), null, null, shown);
    }

    /** Escapes text for the HTML of {@link ShownText#legalText()}. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private Response invalidLink(HttpServletRequest http) {
        CustomerTexts texts = CustomerTexts.forLocale(CustomerLocales.resolve(null, http.getHeader("Accept-Language")));
        return notice(Response.Status.NOT_FOUND, texts, texts.get("link.invalid.title"),
                texts.get("link.invalid.body", businessName)).build();
    }

    /**
     * Counts the request against its client IP address, an IPv6 client by its /64 network, and returns the
     * 429 response when the address is over the limit, else empty. The response depends only on the
     * request's language, never on the link.
     */
    private Optional<Response> limitByIp(HttpServletRequest http) {
        OptionalLong retryAfter = rateLimiter.hit("preference-ip", RateLimiter.clientNetwork(http.getRemoteAddr()),
                requestsPerIp);
        if (retryAfter.isEmpty()) {
            return Optional.empty();
        }
        CustomerTexts texts = CustomerTexts.forLocale(CustomerLocales.resolve(null, http.getHeader("Accept-Language")));
        return Optional.of(notice(Response.Status.TOO_MANY_REQUESTS, texts, texts.get("link.limited.title"),
                texts.get("link.limited.body")).header("Retry-After", Math.max(1, retryAfter.getAsLong())).build());
    }

    /** Starts a response with a page that shows only a title and a paragraph, in the locale of {@code texts}. */
    private static Response.ResponseBuilder notice(Response.Status status, CustomerTexts texts, String title,
                                                   String body) {
        StandalonePage page = new StandalonePage(output -> SubscriptionTypesPage.TEMPLATES.render(
                "preferences/notice.jte", Map.of("texts", texts, "title", title, "body", body), output));
        return Response.status(status).entity(page).header("X-Robots-Tag", "noindex");
    }

    private static Set<Long> ids(List<String> values) {
        if (values == null) {
            return Set.of();
        }
        return values.stream()
                .filter(value -> value.matches("[0-9]{1,18}"))
                .map(Long::valueOf)
                .collect(Collectors.toSet());
    }
}
