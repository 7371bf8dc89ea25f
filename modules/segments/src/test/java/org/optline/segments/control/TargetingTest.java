package org.optline.segments.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.optline.contacts.api.LineType;
import org.optline.segments.api.ExclusionReason;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentType;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.optline.subscriptions.api.ConsentType.OPT_IN;
import static org.optline.subscriptions.api.ConsentType.OPT_OUT;

class TargetingTest {

    private static final Targeting.Contact MOBILE_NO_EVENT = new Targeting.Contact(true, LineType.MOBILE, null, false);
    private static final Targeting.Contact MOBILE_OPTED_IN = new Targeting.Contact(true, LineType.MOBILE, ConsentAction.OPT_IN, true);
    private static final Targeting.Contact MOBILE_OPTED_OUT = new Targeting.Contact(true, LineType.MOBILE, ConsentAction.OPT_OUT, true);

    @Test
    void noPhoneComesFirst() {
        Targeting.Contact contact = new Targeting.Contact(false, null, ConsentAction.OPT_OUT, false);

        assertThat(Targeting.exclusion(contact, OPT_IN, false)).hasValue(ExclusionReason.NO_PHONE);
    }

    @Test
    void numberWithoutLineTypeIsInvalid() {
        Targeting.Contact contact = new Targeting.Contact(true, null, ConsentAction.OPT_IN, true);

        assertThat(Targeting.exclusion(contact, OPT_IN, true)).hasValue(ExclusionReason.INVALID_NUMBER);
    }

    @ParameterizedTest
    @EnumSource(value = LineType.class, names = {"FIXED_LINE", "PREMIUM_RATE", "SHARED_COST", "PAGER", "UAN", "VOICEMAIL"})
    void numbersThatCannotTakeTextsAreLandlines(LineType lineType) {
        Targeting.Contact contact = new Targeting.Contact(true, lineType, ConsentAction.OPT_IN, true);

        assertThat(Targeting.exclusion(contact, OPT_OUT, true)).hasValue(ExclusionReason.LANDLINE);
    }

    @ParameterizedTest
    @EnumSource(value = LineType.class, names = {"MOBILE", "FIXED_LINE_OR_MOBILE", "VOIP", "TOLL_FREE", "PERSONAL_NUMBER", "UNKNOWN"})
    void textCapableOptedInIsReachable(LineType lineType) {
        Targeting.Contact contact = new Targeting.Contact(true, lineType, ConsentAction.OPT_IN, true);

        assertThat(Targeting.exclusion(contact, OPT_IN, true)).isEmpty();
    }

    @Test
    void optInTypeWithoutEventIsNotOptedIn() {
        assertThat(Targeting.exclusion(MOBILE_NO_EVENT, OPT_IN, true)).hasValue(ExclusionReason.NOT_OPTED_IN);
    }

    @Test
    void optInForOldNumberIsNotOptedIn() {
        Targeting.Contact contact = new Targeting.Contact(true, LineType.MOBILE, ConsentAction.OPT_IN, false);

        assertThat(Targeting.exclusion(contact, OPT_IN, true)).hasValue(ExclusionReason.NOT_OPTED_IN);
    }

    @Test
    void optInTypeOptedOutIsOptedOut() {
        assertThat(Targeting.exclusion(MOBILE_OPTED_OUT, OPT_IN, true)).hasValue(ExclusionReason.OPTED_OUT);
    }

    @Test
    void optOutTypeWithoutEventIsReachable() {
        assertThat(Targeting.exclusion(MOBILE_NO_EVENT, OPT_OUT, true)).isEmpty();
    }

    @Test
    void optOutTypeOptedOutIsOptedOut() {
        assertThat(Targeting.exclusion(MOBILE_OPTED_OUT, OPT_OUT, true)).hasValue(ExclusionReason.OPTED_OUT);
    }

    @Test
    void optOutForOldNumberStillExcludes() {
        Targeting.Contact contact = new Targeting.Contact(true, LineType.MOBILE, ConsentAction.OPT_OUT, false);

        assertThat(Targeting.exclusion(contact, OPT_OUT, true)).hasValue(ExclusionReason.OPTED_OUT);
    }

    @ParameterizedTest
    @EnumSource(ConsentType.class)
    void typeNotLiveExcludesOtherwiseReachable(ConsentType consentType) {
        Optional<ExclusionReason> reason = Targeting.exclusion(MOBILE_OPTED_IN, consentType, false);

        assertThat(reason).hasValue(ExclusionReason.TYPE_NOT_LIVE);
    }

    @Test
    void typeNotLiveComesAfterConsentReasons() {
        assertThat(Targeting.exclusion(MOBILE_NO_EVENT, OPT_IN, false)).hasValue(ExclusionReason.NOT_OPTED_IN);
        assertThat(Targeting.exclusion(MOBILE_OPTED_OUT, OPT_OUT, false)).hasValue(ExclusionReason.OPTED_OUT);
    }

    @ParameterizedTest
    @EnumSource(ConsentType.class)
    void blockedNumberExcludesBeforeConsent(ConsentType consentType) {
        Targeting.Contact optedIn = new Targeting.Contact(true, LineType.MOBILE, ConsentAction.OPT_IN, true, true, false);
        Targeting.Contact optedOut = new Targeting.Contact(true, LineType.MOBILE, ConsentAction.OPT_OUT, true, true, false);

        assertThat(Targeting.exclusion(optedIn, consentType, true)).hasValue(ExclusionReason.NUMBER_BLOCKED);
        assertThat(Targeting.exclusion(optedOut, consentType, true)).hasValue(ExclusionReason.NUMBER_BLOCKED);
    }

    @Test
    void blockedLandlineCountsAsLandline() {
        Targeting.Contact contact = new Targeting.Contact(true, LineType.FIXED_LINE, ConsentAction.OPT_IN, true, true, false);

        assertThat(Targeting.exclusion(contact, OPT_IN, true)).hasValue(ExclusionReason.LANDLINE);
    }

    @ParameterizedTest
    @EnumSource(ConsentType.class)
    void sharedNumberExcludesOnlyOtherwiseReachable(ConsentType consentType) {
        Targeting.Contact reachable = new Targeting.Contact(true, LineType.MOBILE, ConsentAction.OPT_IN, true, false, true);
        Targeting.Contact optedOut = new Targeting.Contact(true, LineType.MOBILE, ConsentAction.OPT_OUT, true, false, true);

        assertThat(Targeting.exclusion(reachable, consentType, true)).hasValue(ExclusionReason.DUPLICATE_NUMBER);
        assertThat(Targeting.exclusion(optedOut, consentType, true)).hasValue(ExclusionReason.OPTED_OUT);
        assertThat(Targeting.exclusion(reachable, consentType, false)).hasValue(ExclusionReason.TYPE_NOT_LIVE);
    }
}
