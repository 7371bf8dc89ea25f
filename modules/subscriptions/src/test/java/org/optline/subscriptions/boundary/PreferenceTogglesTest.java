package org.optline.subscriptions.boundary;

import org.junit.jupiter.api.Test;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;
import org.optline.platform.ResourceNotFoundException;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentOutcome;
import org.optline.subscriptions.api.ConsentOutcome.RefusalReason;
import org.optline.subscriptions.api.ConsentRequest;
import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.Evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PreferenceTogglesTest {

    private static final Evidence BROWSER = Evidence.ofRequest("203.0.113.9", "Mozilla/5.0");
    private static final String ADMIN = "admin@example.com";

    private static ConsentRequest request(boolean subscribed, boolean override, String reason) {
        return PreferenceToggles.request(42, 7, subscribed, override, reason, ADMIN, BROWSER);
    }

    @Test
    void switchOnIsAdminOptIn() {
        ConsentRequest request = request(true, false, null);

        assertThat(request.contactId()).isEqualTo(42);
        assertThat(request.subscriptionTypeId()).isEqualTo(7);
        assertThat(request.action()).isEqualTo(ConsentAction.OPT_IN);
        assertThat(request.source()).isEqualTo(ConsentSource.ADMIN_TOGGLE);
        assertThat(request.actorKind()).isEqualTo(ActorKind.ADMIN);
        assertThat(request.actorId()).isEqualTo(ADMIN);
        assertThat(request.evidence()).isEqualTo(BROWSER);
        assertThat(request.overrideReason()).isNull();
    }

    @Test
    void switchOffIsOptOut() {
        assertThat(request(false, false, "").action()).isEqualTo(ConsentAction.OPT_OUT);
    }

    @Test
    void overrideRecordsTrimmedReason() {
        ConsentRequest request = request(true, true, "  Signed paper form, 2026-03-01  ");

        assertThat(request.action()).isEqualTo(ConsentAction.OPT_IN);
        assertThat(request.overrideReason()).isEqualTo("Signed paper form, 2026-03-01");
    }

    @Test
    void reasonWithoutTickedBoxIsRejected() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> request(true, false, "Signed paper form"));

        assertThat(e.field()).hasValue("override");
        assertThat(e.getMessage()).contains("Override the customer's opt-out");
    }

    @Test
    void shortOverrideReasonIsRejected() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> request(true, true, " too short "));

        assertThat(e.field()).hasValue("override_reason");
        assertThat(e.getMessage()).contains("has 9 characters");
        assertThat(e.getMessage()).contains("at least 10");
    }

    @Test
    void missingOverrideReasonIsRejected() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> request(true, true, null));

        assertThat(e.field()).hasValue("override_reason");
    }

    @Test
    void overlongOverrideReasonIsRejected() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> request(true, true, "x".repeat(501)));

        assertThat(e.getMessage()).contains("501").contains("500");
    }

    @Test
    void overrideOfOptOutIsRejected() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> request(false, true, "Signed paper form"));

        assertThat(e.field()).hasValue("override");
    }

    @Test
    void subscribedReadsTrueAndFalse() {
        assertThat(PreferenceToggles.subscribed("true")).isTrue();
        assertThat(PreferenceToggles.subscribed(" false ")).isFalse();
    }

    @Test
    void subscribedRejectsMissingValue() {
        MissingInputException e = catchThrowableOfType(MissingInputException.class, () -> PreferenceToggles.subscribed(null));

        assertThat(e.field()).hasValue("subscribed");
    }

    @Test
    void subscribedRejectsOtherValues() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> PreferenceToggles.subscribed("on"));

        assertThat(e.getMessage()).contains("'on'");
    }

    @Test
    void changedOptInIsDoneWithEventNumber() {
        PreferenceToggles.Reply reply = PreferenceToggles.reply(new ConsentOutcome.Changed(42, 3, ConsentAction.OPT_IN), "Deals");

        assertThat(reply).isEqualTo(new PreferenceToggles.Done(
                "Opted in to Deals, recorded as event 3 of the contact's consent record."));
    }

    @Test
    void alreadySoIsDoneWithoutChange() {
        PreferenceToggles.Reply reply = PreferenceToggles.reply(new ConsentOutcome.AlreadySo(42, ConsentAction.OPT_OUT), "Deals");

        assertThat(reply).isInstanceOf(PreferenceToggles.Done.class);
        assertThat(((PreferenceToggles.Done) reply).message()).startsWith("Nothing changed").contains("unsubscribed from Deals");
    }

    @Test
    void customerOptOutOffersOverride() {
        PreferenceToggles.Reply reply = PreferenceToggles.reply(
                new ConsentOutcome.Refused(42, RefusalReason.OPTED_OUT_BY_CUSTOMER, "Contact 42 opted out themselves"), "Deals");

        assertThat(reply).isEqualTo(new PreferenceToggles.Refused(409, "Contact 42 opted out themselves", true));
    }

    @Test
    void landlineShowsMessageWithoutOverride() {
        PreferenceToggles.Reply reply = PreferenceToggles.reply(
                new ConsentOutcome.Refused(42, RefusalReason.NOT_SMS_CAPABLE, "a fixed line number"), "Deals");

        assertThat(reply).isEqualTo(new PreferenceToggles.Refused(400, "a fixed line number", false));
    }

    @Test
    void missingPhoneShowsMessageWithoutOverride() {
        PreferenceToggles.Reply reply = PreferenceToggles.reply(
                new ConsentOutcome.Refused(42, RefusalReason.NO_PHONE, "no phone number"), "Deals");

        assertThat(reply).isEqualTo(new PreferenceToggles.Refused(400, "no phone number", false));
    }

    @Test
    void deletedContactBecomesNotFound() {
        ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class, () -> PreferenceToggles.reply(
                new ConsentOutcome.Refused(42, RefusalReason.CONTACT_NOT_FOUND, "Contact 42 was not found."), "Deals"));

        assertThat(e.getMessage()).isEqualTo("Contact 42 was not found.");
    }
}
