package org.optline.optinform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.optline.contacts.api.ContactNotFoundException;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.contacts.api.PhoneNumber;
import org.optline.helpdesk.api.Conversations;
import org.optline.optinform.entity.FormState;
import org.optline.platform.InvalidInputException;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentLedger;
import org.optline.subscriptions.api.ConsentOutcome;
import org.optline.subscriptions.api.ConsentRequest;
import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.Evidence;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.ShownText;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.SubscriptionTypes;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Records a customer's submission of an opt-in form: the new phone number if any, the opt-in event
 * with its evidence, the submission row and a line for agents. All of it runs in one transaction, so
 * a refused opt-in stores no number either.
 */
@ApplicationScoped
@Transactional
public class FormSubmissions {

    private static final Logger LOG = Logger.getLogger(FormSubmissions.class.getName());

    /** The shape of the keys that the customer view renders: 16 to 64 URL-safe Base64 characters. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    OptInForms forms;

    @Inject
    Conversations conversations;

    @Inject
    Contacts contacts;

    @Inject
    SubscriptionTypes types;

    @Inject
    ConsentLedger ledger;

    @Inject
    Clock clock;

    /**
     * Returns the form if it exists and its conversation is the contact's, reading the same either way
     * otherwise, so that a visitor learns nothing about other contacts' forms.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public FormDetails requireOwnForm(long formId, long contactId) {
        FormDetails form = forms.find(formId).orElseThrow(() -> new FormNotFoundException(String.valueOf(formId)));
        boolean own = conversations.find(form.conversationId())
                .map(conversation -> conversation.contactId() == contactId)
                .orElse(false);
        if (!own) {
            throw new FormNotFoundException(String.valueOf(formId));
        }
        return form;
    }

    /**
     * Records the submission and returns the form as it is afterwards. A repeated request with the same
     * key, or any request once the form was submitted, records nothing and returns the form as it is.
     *
     * @throws FormNotFoundException when the form does not exist or is another contact's, or the contact
     *                               was deleted
     * @throws FormInputException    when the number is missing, invalid or not allowed, or the opt-in is
     *                               refused; nothing is stored then
     * @throws org.optline.platform.ConflictException when the contact's number changed since the caller
     *                               read the contact; nothing is stored then
     */
    public FormDetails submit(SubmissionRequest request) {
        return submit(request, null);
    }

    /**
     * Records the submission like {@link #submit(SubmissionRequest)}, with the contact as the caller read
     * it a moment before, such as the messenger's token check, so that it is not read again. A number
     * read then is safe to decide on, because the submission stores or checks it under the contact's
     * row lock and fails with a conflict when it changed meanwhile.
     *
     * @param contact the contact of {@code request}, or null to read it here
     */
    public FormDetails submit(SubmissionRequest request, ContactView contact) {
        if (contact != null && contact.id() != request.contactId()) {
            throw new IllegalArgumentException("contact " + contact.id() + " is not the submitting contact "
                    + request.contactId());
        }
        if (request.idempotencyKey() == null || !KEY.matcher(request.idempotencyKey()).matches()) {
            throw new InvalidInputException("idempotency_key", "The form's idempotency key is "
                    + "missing or malformed. Reload the conversation and submit the form again.");
        }
        try (Connection connection = dataSource.getConnection()) {
            SubmissionRows rows = new SubmissionRows(connection);
            // Locking the form first makes concurrent submissions of it wait here, so the second one reads
            // the first one's rows.
            Optional<SubmissionRows.LockedForm> locked = rows.lock(request.formId());
            boolean own = locked.isPresent() && conversations.contactOf(locked.get().conversationId())
                    .equals(OptionalLong.of(request.contactId()));
            if (!own) {
                throw new FormNotFoundException(String.valueOf(request.formId()));
            }
            SubmissionRows.LockedForm form = locked.get();
            OptionalLong sameKey = rows.formOfKey(request.idempotencyKey());
            if (sameKey.isPresent() && sameKey.getAsLong() != form.id()) {
                throw new FormNotFoundException(String.valueOf(request.formId()));
            }
            if (sameKey.isPresent() || form.state() == FormState.SUBMITTED) {
                LOG.fine(() -> "Opt-in form " + form.id() + " submitted again by contact " + request.contactId()
                        + "; nothing recorded");
                return forms.find(form.id()).orElseThrow(() -> new FormNotFoundException(String.valueOf(form.id())));
            }
            return record(rows, form, request, contact);
        } catch (SQLException e) {
            throw new IllegalStateException("Recording a submission of opt-in form " + request.formId() + " failed", e);
        }
    }

    private FormDetails record(SubmissionRows rows, SubmissionRows.LockedForm form, SubmissionRequest request,
                               ContactView readBefore) throws SQLException {
        // A copy at most seconds old: the message type never changes, the name only labels the agents' line,
        // and the ledger reads the type again to decide whether it may record the opt-in.
        SubscriptionTypeView type = types.recent(List.of(form.subscriptionTypeId())).stream()
                .filter(candidate -> candidate.id() == form.subscriptionTypeId())
                .findFirst()
                .orElseThrow(() -> notAvailable(request, "Subscription type " + form.subscriptionTypeId() + " was not found."));
        ContactView contact = readBefore != null ? readBefore : contacts.find(request.contactId())
                .orElseThrow(() -> new FormNotFoundException(String.valueOf(form.id())));
        String phone = null;
        if (type.messageType() == MessageType.SMS) {
            PhoneEntry entry = PhoneEntry.decide(contact.phone(), contact.smsCapable(), request.typedPhone(),
                    typed -> contacts.parsePhone("phone", typed));
            holdNumber(form, contact, entry);
            phone = entry.e164();
        }

        FormContent content = rows.content(form.versionId());
        Evidence evidence = new Evidence(request.ipAddress(), request.userAgent(), form.conversationId(), form.partId(),
                new ShownText(request.locale(), content.title(),
                        content.button().isEmpty() ? request.defaultButton() : content.button(), content.legalHtml()));
        ConsentOutcome outcome = ledger.record(new ConsentRequest(contact.id(), type.id(), ConsentAction.OPT_IN,
                ConsentSource.FORM, ActorKind.CUSTOMER, null, evidence, null, null));
        if (outcome instanceof ConsentOutcome.Refused refused) {
            if (refused.reason() == ConsentOutcome.RefusalReason.CONTACT_NOT_FOUND) {
                // The contact was deleted after the caller read it, so respond as for another contact's form.
                throw new FormNotFoundException(String.valueOf(form.id()));
            }
            throw notAvailable(request, refused.message());
        }
        Integer seq = outcome instanceof ConsentOutcome.Changed changed ? changed.seq() : null;
        boolean awaiting = outcome instanceof ConsentOutcome.Pending;

        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        rows.recordSubmission(form, request, phone, seq, awaiting, now);
        conversations.addEvent(form.conversationId(), awaiting ? pendingEventText(contact, type, phone)
                : eventText(contact, type, phone));

        String masked = PhoneNumber.mask(phone);
        LOG.info(() -> "Opt-in form " + form.id() + " submitted by contact " + contact.id() + " for subscription type "
                + type.id() + (masked == null ? "" : " with " + masked) + ", consent event "
                + (seq != null ? seq : awaiting ? "none (waiting for a YES by text)" : "none (already opted in)")
                + ", form version " + form.versionId());
        // Everything the details hold is in hand, so they are built without reading the rows back.
        return new FormDetails(form.id(), form.conversationId(), form.partId(), FormState.SUBMITTED,
                form.subscriptionTypeId(), Optional.of(type), form.versionId(), content,
                Optional.of(new FormDetails.Submitted(phone, now, awaiting)));
    }

    /**
     * Stores the typed number, or checks that the saved one is still the contact's, and keeps the
     * contact's row locked either way. The contact may have been read before this transaction, and
     * the ledger records the number it reads itself, so without the lock it could record a number
     * that an admin set meanwhile rather than the one the customer submitted.
     */
    private void holdNumber(SubmissionRows.LockedForm form, ContactView contact, PhoneEntry entry) {
        try {
            if (entry.newPhone()) {
                contacts.changePhone(contact.id(), contact.phone(), entry.parsed(), "customer (opt-in form " + form.id()
                        + ")");
            } else {
                contacts.lockPhone(contact.id(), entry.e164());
            }
        } catch (ContactNotFoundException e) {
            throw new FormNotFoundException(String.valueOf(form.id()));
        }
    }

    /** Returns the line agents read in the conversation, such as "Ann opted in to Deals with +1******0142 in the opt-in form." */
    static String eventText(ContactView contact, SubscriptionTypeView type, String phone) {
        String name = contact.name() == null || contact.name().isBlank() ? "The contact" : contact.name();
        String number = phone == null ? "" : " with " + PhoneNumber.mask(phone);
        return name + " opted in to \u201C" + type.defaultTranslation().name() + "\u201D" + number + " in the opt-in form.";
    }

    /** Returns the line agents read when the opt-in waits for the customer's YES (double opt-in). */
    static String pendingEventText(ContactView contact, SubscriptionTypeView type, String phone) {
        String name = contact.name() == null || contact.name().isBlank() ? "The contact" : contact.name();
        return name + " asked to opt in to “" + type.defaultTranslation().name() + "” with "
                + PhoneNumber.mask(phone) + " in the opt-in form. The opt-in counts once they reply YES to the "
                + "confirmation text.";
    }

    private static FormInputException notAvailable(SubmissionRequest request, String reason) {
        LOG.info(() -> "Opt-in form " + request.formId() + " submission by contact " + request.contactId()
                + " refused: " + reason);
        return new FormInputException(FormProblem.NOT_AVAILABLE, request.typedPhone(), reason);
    }
}
