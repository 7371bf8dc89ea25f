package org.optline.messaging.control.inbound;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.contacts.api.PhoneNumber;
import org.optline.messaging.control.desk.InboundConversation;
import org.optline.messaging.control.desk.SmsConversations;
import org.optline.messaging.control.notices.NoticeKind;
import org.optline.messaging.control.notices.Notices;
import org.optline.platform.ConflictException;
import org.optline.platform.ResourceNotFoundException;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentEventView;
import org.optline.subscriptions.api.ConsentLedger;
import org.optline.subscriptions.api.ConsentOutcome;
import org.optline.subscriptions.api.ConsentRequest;
import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.Evidence;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.PendingOptIns;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.SubscriptionTypes;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Acts on a stored inbound message: an opt-out keyword opts the number out, an opt-in keyword restores
 * what a keyword opt-out removed, a help keyword is answered, and any other text goes to the contact's
 * SMS conversation in the helpdesk. The consent events, the number block, the answer in
 * {@code sms_notice}, the conversation part and the message's handled mark commit in one transaction,
 * under a lock on the number, so that two messages from one number at once never both answer.
 */
@ApplicationScoped
public class KeywordActions {

    private static final Logger LOG = Logger.getLogger(KeywordActions.class.getName());

    /** The opt-in keyword that completes a pending double opt-in of the number, when there is one. */
    static final String CONFIRMATION_WORD = "YES";

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    Contacts contacts;

    @Inject
    SubscriptionTypes types;

    @Inject
    ConsentLedger ledger;

    @Inject
    Notices notices;

    @Inject
    ReplyTexts replyTexts;

    @Inject
    SmsSettings settings;

    @Inject
    Keywords keywords;

    @Inject
    SmsConversations smsConversations;

    @Inject
    PendingOptIns pendingOptIns;

    @Inject
    Clock clock;

    /** Who made an opt-out: the customer by keyword, or an agent who reviewed the customer's message. */
    private record Actor(ActorKind kind, String id, String keyword) {
    }

    /** What the handling of a message did, for the log. */
    private record Effect(InboundKind kind, Keywords.Keyword keyword, int changes, NoticeKind answer) {
    }

    /**
     * Handles a stored message unless it was handled already, as when the provider delivers the webhook
     * twice.
     *
     * @return whether this call handled it
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean handle(long inboundId, String e164) {
        try (Connection connection = dataSource.getConnection()) {
            InboundStore store = new InboundStore(connection);
            store.lockNumber(e164);
            InboundStore.Row row = store.lock(inboundId).orElseThrow(() -> new IllegalStateException(
                    "Inbound SMS " + inboundId + " is not stored"));
            if (row.handledAt() != null) {
                return false;
            }
            Effect effect = act(store, row, e164);
            if (effect.kind() == InboundKind.MESSAGE || effect.kind() == InboundKind.REVIEW) {
                // A text that is not a keyword goes to the helpdesk, where an agent reads it and replies.
                Optional<InboundConversation> landed = smsConversations.addInbound(inboundId, e164, null, row.body());
                if (landed.isPresent()) {
                    store.linkConversation(inboundId, landed.get().conversationId(), landed.get().partId());
                }
            }
            String reviewState = effect.kind() == InboundKind.REVIEW ? "OPEN" : null;
            store.markHandled(inboundId, effect.kind(), effect.keyword(), reviewState, clock.instant());
            LOG.info(() -> "Inbound SMS " + inboundId + " from " + PhoneNumber.mask(e164) + ": " + effect.kind()
                    + (effect.keyword() == null ? "" : " (" + effect.keyword().word() + ")") + ", " + effect.changes()
                    + " consent change(s)" + (effect.answer() == null ? ", no answer" : ", " + effect.answer()
                    + " answer queued"));
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Handling inbound SMS " + inboundId + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Opts out the sender of a message in the review queue, as a STOP would, on behalf of the agent who
     * read it, and closes the review.
     *
     * @throws ResourceNotFoundException when there is no such message with a phone number
     * @throws ConflictException         when the review was closed already
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int treatAsOptOut(long inboundId, String agent) {
        try (Connection connection = dataSource.getConnection()) {
            InboundStore store = new InboundStore(connection);
            InboundStore.Row row = reviewed(store, inboundId);
            store.lockNumber(row.fromNumber());
            if (!store.closeReview(inboundId, "OPTED_OUT", agent, clock.instant())) {
                throw new ConflictException("This message was reviewed already. Reload the queue.");
            }
            Effect effect = optOut(store, row, row.fromNumber(), null, new Actor(ActorKind.AGENT, agent, null));
            LOG.info(() -> "Inbound SMS " + inboundId + " from " + PhoneNumber.mask(row.fromNumber())
                    + " treated as an opt-out by " + agent + ": " + effect.changes() + " consent change(s)");
            return effect.changes();
        } catch (SQLException e) {
            throw new IllegalStateException("Opting out the sender of inbound SMS " + inboundId + " failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Closes a review without changing consent.
     *
     * @throws ConflictException when the review was closed already
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void dismiss(long inboundId, String agent) {
        try (Connection connection = dataSource.getConnection()) {
            InboundStore store = new InboundStore(connection);
            reviewed(store, inboundId);
            if (!store.closeReview(inboundId, "DISMISSED", agent, clock.instant())) {
                throw new ConflictException("This message was reviewed already. Reload the queue.");
            }
            LOG.info(() -> "Inbound SMS " + inboundId + " dismissed from the review queue by " + agent);
        } catch (SQLException e) {
            throw new IllegalStateException("Dismissing inbound SMS " + inboundId + " failed: " + e.getMessage(), e);
        }
    }

    private static InboundStore.Row reviewed(InboundStore store, long inboundId) throws SQLException {
        InboundStore.Row row = store.lock(inboundId).orElseThrow(() -> new ResourceNotFoundException(
                "Inbound SMS " + inboundId + " was not found."));
        if (row.fromNumber() == null || row.kind() != InboundKind.REVIEW) {
            throw new ResourceNotFoundException("Inbound SMS " + inboundId + " is not in the review queue.");
        }
        return row;
    }

    private Effect act(InboundStore store, InboundStore.Row row, String e164) throws SQLException {
        // The keyword is matched again here, because an admin may have changed the lists since the message was stored.
        Optional<Keywords.Keyword> keyword = keywords.match(row.body());
        if (keyword.isEmpty()) {
            InboundKind kind = StopRequests.readsAsStopRequest(row.body(), keywords.optOutWords()) ? InboundKind.REVIEW
                    : InboundKind.MESSAGE;
            return new Effect(kind, null, 0, null);
        }
        return switch (keyword.get().kind()) {
            case OPT_OUT -> optOut(store, row, e164, keyword.get(), new Actor(ActorKind.CUSTOMER, null,
                    keyword.get().word()));
            case OPT_IN -> optIn(store, row, e164, keyword.get());
            case HELP -> {
                List<ContactView> owners = owners(e164);
                notices.enqueue(new Notices.Notice(NoticeKind.HELP, e164, firstId(owners),
                        replyTexts.render(ReplyKind.HELP, answerLocale(keyword.get(), owners), Map.of()), row.id(), null));
                yield new Effect(InboundKind.HELP, keyword.get(), 0, NoticeKind.HELP);
            }
        };
    }

    /**
     * Opts every contact with the number out of every live SMS type (or the last sent one, when the
     * settings narrow the scope) and blocks the number. The one confirmation goes out when anything
     * changed or the number was not blocked yet, so that a repeated STOP is not answered.
     */
    private Effect optOut(InboundStore store, InboundStore.Row row, String e164, Keywords.Keyword keyword, Actor actor)
            throws SQLException {
        List<ContactView> owners = owners(e164);
        List<ConsentRequest> requests = new ArrayList<>();
        Evidence evidence = Evidence.ofInboundSms(actor.keyword(), row.id());
        for (long typeId : stopScope(owners, keyword)) {
            for (ContactView contact : owners) {
                requests.add(ConsentRequest.byOperator(contact.id(), typeId, ConsentAction.OPT_OUT,
                        ConsentSource.SMS_KEYWORD, actor.kind(), actor.id(), evidence));
            }
        }
        int changes = changed(ledger.recordAll(requests));
        boolean wasBlocked = store.blocked(e164);
        store.block(e164, row.id(), clock.instant());
        NoticeKind answer = null;
        if (changes > 0 || !wasBlocked) {
            String locale = keyword == null ? contactLocale(owners) : answerLocale(keyword, owners);
            notices.enqueue(new Notices.Notice(NoticeKind.OPT_OUT, e164, firstId(owners),
                    replyTexts.render(ReplyKind.OPT_OUT, locale, Map.of()), row.id(), null));
            answer = NoticeKind.OPT_OUT;
        }
        return new Effect(InboundKind.OPT_OUT, keyword, changes, answer);
    }

    /**
     * Restores each live SMS type whose latest event is a keyword or carrier opt-out that ended an opt-in
     * (or, for an opt-out type, that was its first event), and unblocks the number. A message that
     * restores nothing from a number that was not blocked is an ordinary message.
     */
    private Effect optIn(InboundStore store, InboundStore.Row row, String e164, Keywords.Keyword keyword)
            throws SQLException {
        if (CONFIRMATION_WORD.equals(keyword.word()) && pendingOptIns.hasPending(e164)) {
            return confirm(store, row, e164, keyword);
        }
        List<ContactView> owners = owners(e164);
        List<SubscriptionTypeView> live = types.live(MessageType.SMS);
        List<ConsentRequest> requests = new ArrayList<>();
        Evidence evidence = Evidence.ofInboundSms(keyword.word(), row.id());
        for (ContactView contact : owners) {
            List<ConsentEventView> history = ledger.history(contact.id());
            for (SubscriptionTypeView type : live) {
                if (removedByKeyword(history, type)) {
                    requests.add(ConsentRequest.byOperator(contact.id(), type.id(), ConsentAction.OPT_IN,
                            ConsentSource.SMS_KEYWORD, ActorKind.CUSTOMER, null, evidence));
                }
            }
        }
        int changes = changed(ledger.recordAll(requests));
        boolean wasBlocked = store.blocked(e164);
        if (changes == 0 && !wasBlocked) {
            return new Effect(InboundKind.MESSAGE, null, 0, null);
        }
        store.unblock(e164);
        notices.enqueue(new Notices.Notice(NoticeKind.OPT_IN, e164, firstId(owners),
                replyTexts.render(ReplyKind.OPT_IN, answerLocale(keyword, owners), Map.of()), row.id(), null));
        return new Effect(InboundKind.OPT_IN, keyword, changes, NoticeKind.OPT_IN);
    }

    /**
     * Completes every pending double opt-in of the number and unblocks it. One opt-in confirmation goes out
     * when anything changed or the number was blocked, as for START.
     */
    private Effect confirm(InboundStore store, InboundStore.Row row, String e164, Keywords.Keyword keyword)
            throws SQLException {
        int changes = changed(pendingOptIns.confirm(e164, keyword.word(), row.id()));
        boolean wasBlocked = store.blocked(e164);
        store.unblock(e164);
        if (changes == 0 && !wasBlocked) {
            return new Effect(InboundKind.CONFIRM, keyword, 0, null);
        }
        List<ContactView> owners = owners(e164);
        // A first confirmation reads differently from START's "subscribed again".
        ReplyKind reply = changes > 0 ? ReplyKind.CONFIRMED : ReplyKind.OPT_IN;
        notices.enqueue(new Notices.Notice(NoticeKind.OPT_IN, e164, firstId(owners),
                replyTexts.render(reply, answerLocale(keyword, owners), Map.of()), row.id(), null));
        return new Effect(InboundKind.CONFIRM, keyword, changes, NoticeKind.OPT_IN);
    }

    /** Returns whether the type's latest event is a keyword or carrier opt-out that an opt-in keyword may undo. */
    static boolean removedByKeyword(List<ConsentEventView> history, SubscriptionTypeView type) {
        List<ConsentEventView> events = history.stream().filter(event -> event.subscriptionTypeId() == type.id()).toList();
        if (events.isEmpty()) {
            return false;
        }
        ConsentEventView latest = events.getLast();
        boolean byKeyword = latest.source() == ConsentSource.SMS_KEYWORD || latest.source() == ConsentSource.CARRIER;
        if (latest.action() != ConsentAction.OPT_OUT || !byKeyword) {
            return false;
        }
        if (events.size() == 1) {
            return type.consentType() == ConsentType.OPT_OUT;
        }
        return events.get(events.size() - 2).action() == ConsentAction.OPT_IN;
    }

    /**
     * Returns the types an opt-out keyword (or an agent's opt-out, when {@code keyword} is null) opts out
     * of under the current scope setting. A keyword that names everything, such as STOP ALL, opts out of
     * every live type whatever the setting.
     */
    private List<Long> stopScope(List<ContactView> owners, Keywords.Keyword keyword) throws SQLException {
        List<Long> live = types.live(MessageType.SMS).stream().map(SubscriptionTypeView::id).toList();
        if (settings.read().stopScope() == SmsSettings.StopScope.ALL_SMS || owners.isEmpty()
                || keyword != null && asksForAll(keyword.word())) {
            return live;
        }
        Optional<Long> lastSent = lastSentType(owners);
        // NOTE: a number that was never sent a campaign message has no last type, so the STOP covers every type.
        return lastSent.filter(live::contains).map(List::of).orElse(live);
    }

    /** Returns whether an opt-out keyword names everything: STOPALL, or a phrase ending in ALL such as STOP ALL. */
    static boolean asksForAll(String word) {
        return word.equals("STOPALL") || word.endsWith(" ALL");
    }

    private Optional<Long> lastSentType(List<ContactView> owners) throws SQLException {
        String marks = String.join(",", Collections.nCopies(owners.size(), "?"));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT s.subscription_type_id FROM sms_recipient r "
                     + "JOIN sms_send s ON s.id = r.send_id WHERE r.state = 'SENT' AND r.contact_id IN (" + marks + ") "
                     + "ORDER BY r.sent_at DESC LIMIT 1")) {
            for (int i = 0; i < owners.size(); i++) {
                select.setLong(i + 1, owners.get(i).id());
            }
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    private List<ContactView> owners(String e164) {
        return contacts.findByPhone(contacts.parsePhone("from", e164));
    }

    /**
     * Returns the language of the answer: the keyword's when it is not English, else the first contact's
     * when it has built-in texts, else English.
     */
    private static String answerLocale(Keywords.Keyword keyword, List<ContactView> owners) {
        String language = language(keyword.locale());
        if (!language.equals("en") && ReplyTexts.supported(language)) {
            return language;
        }
        return contactLocale(owners);
    }

    private static String contactLocale(List<ContactView> owners) {
        return owners.stream().map(ContactView::locale).map(KeywordActions::language).filter(ReplyTexts::supported)
                .findFirst().orElse("en");
    }

    private static String language(String locale) {
        if (locale == null) {
            return "";
        }
        int dash = locale.indexOf('-');
        return (dash < 0 ? locale : locale.substring(0, dash)).toLowerCase(java.util.Locale.ROOT);
    }

    private static Long firstId(List<ContactView> owners) {
        return owners.isEmpty() ? null : owners.getFirst().id();
    }

    private static int changed(List<ConsentOutcome> outcomes) {
        return (int) outcomes.stream().filter(outcome -> outcome instanceof ConsentOutcome.Changed).count();
    }
}
