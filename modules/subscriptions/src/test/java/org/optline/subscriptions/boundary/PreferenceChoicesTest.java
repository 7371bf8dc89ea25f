package org.optline.subscriptions.boundary;

import org.junit.jupiter.api.Test;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentRequest;
import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.ConsentStateView;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.ContactConsents;
import org.optline.subscriptions.api.Evidence;
import org.optline.subscriptions.api.LocaleCode;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.Translation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PreferenceChoicesTest {

    private static final Instant EARLIER = Instant.parse("2026-03-14T09:26:53Z");
    private static final Instant LATER = Instant.parse("2026-04-02T17:05:00Z");
    private static final String MOBILE = "+12015550142";
    private static final Evidence EVIDENCE = Evidence.ofRequest("203.0.113.7", "test");

    private static final SubscriptionTypeView DEALS = type(1, ConsentType.OPT_IN);
    private static final SubscriptionTypeView NEWS = type(2, ConsentType.OPT_IN);
    private static final SubscriptionTypeView ALERTS = type(3, ConsentType.OPT_OUT);

    private static SubscriptionTypeView type(long id, ConsentType consentType) {
        LocaleCode en = new LocaleCode("en");
        return new SubscriptionTypeView(id, MessageType.SMS, consentType, State.LIVE, en,
                List.of(new Translation(en, "Type " + id, "")), 1, EARLIER, EARLIER);
    }

    private static ConsentStateView state(long typeId, ConsentAction action, ConsentSource source, Instant at) {
        return new ConsentStateView(42, typeId, action, 1, source, ActorKind.CUSTOMER, MOBILE, at);
    }

    private static ContactConsents consents(ConsentStateView... states) {
        return consents(42, states);
    }

    private static ContactConsents consents(long contactId, ConsentStateView... states) {
        Map<Long, ConsentStateView> byType = new java.util.HashMap<>();
        for (ConsentStateView state : states) {
            byType.put(state.subscriptionTypeId(), state);
        }
        return new ContactConsents(contactId, MOBILE, byType);
    }

    @Test
    void saveRecordsOnlyChangedTypes() {
        ContactConsents current = consents(state(1, ConsentAction.OPT_IN, ConsentSource.FORM, EARLIER));

        List<ConsentRequest> requests = PreferenceChoices.save(List.of(DEALS, NEWS, ALERTS), current,
                Set.of(1L, 2L, 3L), Set.of(1L, 2L, 3L), type -> EVIDENCE);

        assertThat(requests).hasSize(1);
        assertThat(requests.getFirst().subscriptionTypeId()).isEqualTo(2L);
        assertThat(requests.getFirst().action()).isEqualTo(ConsentAction.OPT_IN);
        assertThat(requests.getFirst().source()).isEqualTo(ConsentSource.PREFERENCE_CENTER);
        assertThat(requests.getFirst().actorKind()).isEqualTo(ActorKind.CUSTOMER);
        assertThat(requests.getFirst().actorId()).isNull();
        assertThat(requests.getFirst().evidence()).isEqualTo(EVIDENCE);
    }

    @Test
    void uncheckedShownTypesOptOut() {
        ContactConsents current = consents(state(1, ConsentAction.OPT_IN, ConsentSource.FORM, EARLIER));

        List<ConsentRequest> requests = PreferenceChoices.save(List.of(DEALS, NEWS, ALERTS), current,
                Set.of(1L, 2L, 3L), Set.of(), type -> EVIDENCE);

        assertThat(requests).extracting(ConsentRequest::subscriptionTypeId).containsExactly(1L, 3L);
        assertThat(requests).extracting(ConsentRequest::action).containsOnly(ConsentAction.OPT_OUT);
    }

    @Test
    void typeNotShownIsLeftAlone() {
        List<ConsentRequest> requests = PreferenceChoices.save(List.of(DEALS, ALERTS), consents(),
                Set.of(1L), Set.of(), type -> EVIDENCE);

        assertThat(requests).isEmpty();
    }

    @Test
    void shownTypeNoLongerLiveIsLeftAlone() {
        List<ConsentRequest> requests = PreferenceChoices.save(List.of(DEALS), consents(),
                Set.of(1L, 9L), Set.of(1L, 9L), type -> EVIDENCE);

        assertThat(requests).extracting(ConsentRequest::subscriptionTypeId).containsExactly(1L);
    }

    @Test
    void unsubscribeAllOptsOutEverySubscribedType() {
        ContactConsents current = consents(state(1, ConsentAction.OPT_IN, ConsentSource.FORM, EARLIER));

        List<ConsentRequest> requests = PreferenceChoices.unsubscribeAll(List.of(DEALS, NEWS, ALERTS), current,
                type -> EVIDENCE);

        assertThat(requests).extracting(ConsentRequest::subscriptionTypeId).containsExactly(1L, 3L);
        assertThat(requests).extracting(ConsentRequest::action).containsOnly(ConsentAction.OPT_OUT);
    }

    @Test
    void startNoticeFollowsKeywordAndCarrierOptOuts() {
        Map<Long, MessageType> sms = Map.of(1L, MessageType.SMS, 2L, MessageType.SMS, 3L, MessageType.EMAIL);

        ContactConsents carrierLast = consents(state(1, ConsentAction.OPT_OUT, ConsentSource.SMS_KEYWORD, EARLIER),
                state(2, ConsentAction.OPT_OUT, ConsentSource.CARRIER, LATER));
        ContactConsents keywordLast = consents(state(1, ConsentAction.OPT_OUT, ConsentSource.CARRIER, EARLIER),
                state(2, ConsentAction.OPT_OUT, ConsentSource.SMS_KEYWORD, LATER));
        ContactConsents keywordThenCenter = consents(state(1, ConsentAction.OPT_OUT, ConsentSource.SMS_KEYWORD, EARLIER),
                state(2, ConsentAction.OPT_OUT, ConsentSource.PREFERENCE_CENTER, LATER));
        ContactConsents restarted = consents(state(1, ConsentAction.OPT_IN, ConsentSource.SMS_KEYWORD, LATER));
        ContactConsents centerOnly = consents(state(1, ConsentAction.OPT_OUT, ConsentSource.PREFERENCE_CENTER, LATER));
        ContactConsents emailOnly = consents(state(3, ConsentAction.OPT_OUT, ConsentSource.CARRIER, LATER));

        assertThat(PreferenceChoices.optOutNeedingStart(carrierLast, sms)).isEqualTo(ConsentSource.CARRIER);
        assertThat(PreferenceChoices.optOutNeedingStart(keywordLast, sms)).isEqualTo(ConsentSource.SMS_KEYWORD);
        assertThat(PreferenceChoices.optOutNeedingStart(keywordThenCenter, sms)).isEqualTo(ConsentSource.SMS_KEYWORD);
        assertThat(PreferenceChoices.optOutNeedingStart(restarted, sms)).isNull();
        assertThat(PreferenceChoices.optOutNeedingStart(centerOnly, sms)).isNull();
        assertThat(PreferenceChoices.optOutNeedingStart(emailOnly, sms)).isNull();
        assertThat(PreferenceChoices.optOutNeedingStart(consents(), sms)).isNull();
    }

    @Test
    void switchedOffFollowsPostKind() {
        List<SubscriptionTypeView> live = List.of(DEALS, NEWS, ALERTS);

        assertThat(PreferenceChoices.switchedOff(live, false, Set.of(1L, 2L), Set.of(2L))).containsExactly(1L);
        assertThat(PreferenceChoices.switchedOff(live, false, Set.of(1L, 9L), Set.of())).containsExactly(1L);
        assertThat(PreferenceChoices.switchedOff(live, true, Set.of(), Set.of(1L)))
                .containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void sharingContactsOptedOutOfSwitchedOffTypes() {
        ContactConsents household = consents(43, state(1, ConsentAction.OPT_IN, ConsentSource.API, EARLIER),
                state(2, ConsentAction.OPT_IN, ConsentSource.API, EARLIER));
        ContactConsents lead = consents(44, state(1, ConsentAction.OPT_OUT, ConsentSource.API, EARLIER));

        List<ConsentRequest> requests = PreferenceChoices.sameNumberOptOuts(List.of(DEALS, NEWS, ALERTS),
                Set.of(1L, 3L), List.of(household, lead), type -> EVIDENCE);

        assertThat(requests).extracting(ConsentRequest::contactId).containsExactly(43L, 43L, 44L);
        assertThat(requests).extracting(ConsentRequest::subscriptionTypeId).containsExactly(1L, 3L, 3L);
        assertThat(requests).extracting(ConsentRequest::action).containsOnly(ConsentAction.OPT_OUT);
        assertThat(requests).extracting(ConsentRequest::source).containsOnly(ConsentSource.PREFERENCE_CENTER);
        assertThat(requests).extracting(ConsentRequest::actorKind).containsOnly(ActorKind.CUSTOMER);
        assertThat(requests).extracting(ConsentRequest::evidence).containsOnly(EVIDENCE);
        assertThat(requests).extracting(ConsentRequest::overrideReason).containsOnlyNulls();
    }

    @Test
    void noSharingContactsNoRequests() {
        assertThat(PreferenceChoices.sameNumberOptOuts(List.of(DEALS), Set.of(1L), List.of(), type -> EVIDENCE))
                .isEmpty();
    }
}
