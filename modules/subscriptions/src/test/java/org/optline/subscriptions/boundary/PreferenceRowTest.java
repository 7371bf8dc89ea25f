package org.optline.subscriptions.boundary;

import org.junit.jupiter.api.Test;
import org.optline.contacts.api.ContactRole;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.LineType;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.ConsentStateView;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.LocaleCode;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.Translation;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PreferenceRowTest {

    private static final Instant CHANGED = Instant.parse("2026-03-14T09:26:53Z");
    private static final String MOBILE = "+12015550142";

    private static SubscriptionTypeView type(MessageType messageType, ConsentType consentType) {
        LocaleCode en = new LocaleCode("en");
        return new SubscriptionTypeView(7, messageType, consentType, State.LIVE, en,
                List.of(new Translation(en, "Deals", "")), 1, CHANGED, CHANGED);
    }

    private static ContactView contact(String phone, LineType lineType) {
        return new ContactView(42, ContactRole.USER, null, "ana@example.com", phone, lineType, "Ana", null, null, null,
                false, null, null, null, CHANGED, CHANGED, 1);
    }

    private static ConsentStateView state(ConsentAction action, ConsentSource source, String phone) {
        return new ConsentStateView(42, 7, action, 1, source, source.byCustomer() ? ActorKind.CUSTOMER : ActorKind.ADMIN,
                phone, CHANGED);
    }

    @Test
    void optInTypeWithoutEventIsNotSubscribed() {
        PreferenceRow row = PreferenceRow.of(contact(MOBILE, LineType.MOBILE), type(MessageType.SMS, ConsentType.OPT_IN), null);

        assertThat(row.subscribed()).isFalse();
        assertThat(row.switchedState()).isTrue();
        assertThat(row.state()).isEqualTo("Not set (opt-in type: not subscribed)");
    }

    @Test
    void optOutTypeWithoutEventIsSubscribed() {
        PreferenceRow row = PreferenceRow.of(contact(MOBILE, LineType.MOBILE), type(MessageType.EMAIL, ConsentType.OPT_OUT), null);

        assertThat(row.subscribed()).isTrue();
        assertThat(row.state()).isEqualTo("Not set (opt-out type: subscribed)");
    }

    @Test
    void explicitOptInNamesDateAndSource() {
        PreferenceRow row = PreferenceRow.of(contact(MOBILE, LineType.MOBILE), type(MessageType.SMS, ConsentType.OPT_IN),
                state(ConsentAction.OPT_IN, ConsentSource.ADMIN_TOGGLE, MOBILE));

        assertThat(row.subscribed()).isTrue();
        assertThat(row.state()).isEqualTo("Explicit opt-in on 2026-03-14 09:26:53 UTC via admin toggle");
    }

    @Test
    void customerOptOutNamesCustomer() {
        PreferenceRow row = PreferenceRow.of(contact(MOBILE, LineType.MOBILE), type(MessageType.SMS, ConsentType.OPT_IN),
                state(ConsentAction.OPT_OUT, ConsentSource.SMS_KEYWORD, MOBILE));

        assertThat(row.subscribed()).isFalse();
        assertThat(row.state()).isEqualTo("Opted out by the customer via SMS keyword on 2026-03-14 09:26:53 UTC");
    }

    @Test
    void operatorOptOutNamesSource() {
        PreferenceRow row = PreferenceRow.of(contact(MOBILE, LineType.MOBILE), type(MessageType.EMAIL, ConsentType.OPT_OUT),
                state(ConsentAction.OPT_OUT, ConsentSource.BULK, null));

        assertThat(row.subscribed()).isFalse();
        assertThat(row.state()).isEqualTo("Opted out via bulk action on 2026-03-14 09:26:53 UTC");
    }

    @Test
    void optInForPreviousNumberIsNotSubscribed() {
        PreferenceRow row = PreferenceRow.of(contact("+12015550199", LineType.MOBILE), type(MessageType.SMS, ConsentType.OPT_IN),
                state(ConsentAction.OPT_IN, ConsentSource.FORM, MOBILE));

        assertThat(row.subscribed()).isFalse();
        assertThat(row.state()).contains("for another phone number (" + MOBILE + ")");
    }

    @Test
    void landlineGetsNoteOnSmsType() {
        PreferenceRow row = PreferenceRow.of(contact("+442079460958", LineType.FIXED_LINE),
                type(MessageType.SMS, ConsentType.OPT_IN), null);

        assertThat(row.note()).contains("fixed line").contains("cannot opt in to SMS");
    }

    @Test
    void missingPhoneGetsNoteOnSmsType() {
        PreferenceRow row = PreferenceRow.of(contact(null, null), type(MessageType.SMS, ConsentType.OPT_IN), null);

        assertThat(row.note()).contains("no phone number");
    }

    @Test
    void emailTypeNeedsNoPhone() {
        PreferenceRow row = PreferenceRow.of(contact(null, null), type(MessageType.EMAIL, ConsentType.OPT_IN), null);

        assertThat(row.note()).isNull();
    }

    @Test
    void refusedRowKeepsStateAndAddsMessage() {
        PreferenceRow row = PreferenceRow.of(contact(MOBILE, LineType.MOBILE), type(MessageType.SMS, ConsentType.OPT_IN),
                state(ConsentAction.OPT_OUT, ConsentSource.SMS_KEYWORD, MOBILE)).refused("opted out themselves", true);

        assertThat(row.subscribed()).isFalse();
        assertThat(row.refusal()).isEqualTo("opted out themselves");
        assertThat(row.offerOverride()).isTrue();
    }
}
