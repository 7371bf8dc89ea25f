package org.optline.subscriptions.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentRequest;
import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.Evidence;
import org.optline.subscriptions.api.LocaleCode;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.Translation;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which opt-ins of a double opt-in type wait for the customer's YES. */
class DoubleOptInRulesTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    private static final Set<ConsentSource> WAITING = Set.of(ConsentSource.FORM, ConsentSource.API, ConsentSource.IMPORT);

    private static SubscriptionTypeView type(boolean doubleOptIn) {
        LocaleCode en = new LocaleCode("en");
        return new SubscriptionTypeView(7, MessageType.SMS, ConsentType.OPT_IN, State.LIVE, en,
                List.of(new Translation(en, "Deals", "")), 1, NOW, NOW, doubleOptIn);
    }

    private static ConsentRequest request(ConsentAction action, ConsentSource source) {
        return new ConsentRequest(5, 7, action, source, source.byCustomer() ? ActorKind.CUSTOMER : ActorKind.ADMIN,
                null, Evidence.NONE, null, null);
    }

    @ParameterizedTest
    @EnumSource(ConsentSource.class)
    void optInWaitsOnlyFromFormApiAndImport(ConsentSource source) {
        boolean waits = ConsentRules.needsConfirmation(request(ConsentAction.OPT_IN, source), type(true));

        assertThat(waits).as(source.name()).isEqualTo(WAITING.contains(source));
    }

    @ParameterizedTest
    @EnumSource(ConsentSource.class)
    void optOutNeverWaits(ConsentSource source) {
        assertThat(ConsentRules.needsConfirmation(request(ConsentAction.OPT_OUT, source), type(true))).isFalse();
    }

    @Test
    void typeWithoutDoubleOptInNeverWaits() {
        assertThat(ConsentRules.needsConfirmation(request(ConsentAction.OPT_IN, ConsentSource.FORM), type(false))).isFalse();
        assertThat(ConsentRules.needsConfirmation(request(ConsentAction.OPT_IN, ConsentSource.API), null)).isFalse();
    }
}
