package org.optline.subscriptions.control;

import org.junit.jupiter.api.Test;
import org.optline.contacts.api.ContactPhone;
import org.optline.contacts.api.LineType;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentOutcome;
import org.optline.subscriptions.api.ConsentRequest;
import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.ConsentStateView;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.Evidence;
import org.optline.subscriptions.api.LocaleCode;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.Translation;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The consent rules as a bulk job meets them: one request per contact, with the source BULK. */
class BulkConsentRulesTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    private static final long JOB = 41;
    private static final ContactPhone MOBILE = new ContactPhone(5, "+447700900123", LineType.MOBILE);

    private static SubscriptionTypeView type(MessageType messageType, ConsentType consentType) {
        LocaleCode en = new LocaleCode("en");
        return new SubscriptionTypeView(7, messageType, consentType, State.LIVE, en,
                List.of(new Translation(en, "Deals", "")), 1, NOW, NOW);
    }

    private static ConsentRequest bulk(ConsentAction action, String overrideReason) {
        return new ConsentRequest(5, 7, action, ConsentSource.BULK, ActorKind.ADMIN, "admin@example.com", Evidence.NONE,
                overrideReason, JOB);
    }

    private static ConsentStateView state(ConsentAction action, ConsentSource source) {
        return new ConsentStateView(5, 7, action, 3, source, source.byCustomer() ? ActorKind.CUSTOMER : ActorKind.ADMIN,
                MOBILE.phone(), NOW.minusSeconds(3600));
    }

    private static Object decide(ConsentRequest request, SubscriptionTypeView type, ConsentStateView current) {
        return ConsentRules.decide(request, type, MOBILE, current);
    }

    @Test
    void numberWithoutLineTypeCannotOptIn() {
        ContactPhone noLineType = new ContactPhone(5, "+447700900123", null);

        Object decision = ConsentRules.decide(bulk(ConsentAction.OPT_IN, null), type(MessageType.SMS, ConsentType.OPT_IN),
                noLineType, null);

        assertThat(decision).isInstanceOf(ConsentOutcome.Refused.class);
        ConsentOutcome.Refused refused = (ConsentOutcome.Refused) decision;
        assertThat(refused.reason()).isEqualTo(ConsentOutcome.RefusalReason.NOT_SMS_CAPABLE);
        assertThat(refused.message()).isEqualTo("Contact 5's phone number has no known line type, so it cannot opt in "
                + "to SMS. Add a mobile number.");
    }

    @Test
    void bulkOptInAfterCustomerOptOutIsRefused() {
        Object decision = decide(bulk(ConsentAction.OPT_IN, null), type(MessageType.SMS, ConsentType.OPT_IN),
                state(ConsentAction.OPT_OUT, ConsentSource.SMS_KEYWORD));

        assertThat(decision).isInstanceOf(ConsentOutcome.Refused.class);
        ConsentOutcome.Refused refused = (ConsentOutcome.Refused) decision;
        assertThat(refused.reason()).isEqualTo(ConsentOutcome.RefusalReason.OPTED_OUT_BY_CUSTOMER);
        assertThat(refused.message()).contains("was opted out by the customer").contains("by text message keyword");
    }

    @Test
    void bulkOptInWithShortOverrideIsRefused() {
        Object decision = decide(bulk(ConsentAction.OPT_IN, "asked us"), type(MessageType.SMS, ConsentType.OPT_IN),
                state(ConsentAction.OPT_OUT, ConsentSource.PREFERENCE_CENTER));

        assertThat(decision).isInstanceOf(ConsentOutcome.Refused.class);
    }

    @Test
    void bulkOptInWithOverrideIsRecorded() {
        Object decision = decide(bulk(ConsentAction.OPT_IN, "Customer asked by phone on 2026-05-03"),
                type(MessageType.SMS, ConsentType.OPT_IN), state(ConsentAction.OPT_OUT, ConsentSource.FORM));

        assertThat(decision).isEqualTo(new ConsentRules.Record(MOBILE.phone()));
    }

    @Test
    void bulkOptInAfterOperatorOptOutIsRecorded() {
        Object decision = decide(bulk(ConsentAction.OPT_IN, null), type(MessageType.SMS, ConsentType.OPT_IN),
                state(ConsentAction.OPT_OUT, ConsentSource.BULK));

        assertThat(decision).isEqualTo(new ConsentRules.Record(MOBILE.phone()));
    }

    @Test
    void bulkOptOutAfterCustomerOptOutIsAlreadySo() {
        Object decision = decide(bulk(ConsentAction.OPT_OUT, null), type(MessageType.SMS, ConsentType.OPT_IN),
                state(ConsentAction.OPT_OUT, ConsentSource.SMS_KEYWORD));

        assertThat(decision).isEqualTo(new ConsentOutcome.AlreadySo(5, ConsentAction.OPT_OUT));
    }

    @Test
    void bulkOptOutWithoutEventsOnOptInTypeIsAlreadySo() {
        Object decision = decide(bulk(ConsentAction.OPT_OUT, null), type(MessageType.EMAIL, ConsentType.OPT_IN), null);

        assertThat(decision).isEqualTo(new ConsentOutcome.AlreadySo(5, ConsentAction.OPT_OUT));
    }

    @Test
    void bulkOptInWithoutEventsOnOptOutTypeIsAlreadySo() {
        Object decision = decide(bulk(ConsentAction.OPT_IN, null), type(MessageType.EMAIL, ConsentType.OPT_OUT), null);

        assertThat(decision).isEqualTo(new ConsentOutcome.AlreadySo(5, ConsentAction.OPT_IN));
    }

    @Test
    void repeatedBulkOptInIsAlreadySo() {
        Object decision = decide(bulk(ConsentAction.OPT_IN, null), type(MessageType.SMS, ConsentType.OPT_IN),
                state(ConsentAction.OPT_IN, ConsentSource.BULK));

        assertThat(decision).isEqualTo(new ConsentOutcome.AlreadySo(5, ConsentAction.OPT_IN));
    }

    @Test
    void bulkEventHashCoversJobAndOverride() {
        ConsentRequest request = bulk(ConsentAction.OPT_IN, " Customer asked by phone ");

        ConsentHashes.Fields fields = LedgerWriter.fields(request, 4, NOW, MOBILE.phone(), null, ConsentHashes.GENESIS);

        assertThat(fields.bulkJobId()).isEqualTo(JOB);
        assertThat(fields.overrideReason()).isEqualTo("Customer asked by phone");
        assertThat(fields.source()).isEqualTo("BULK");
    }
}
