package org.optline.subscriptions.boundary;

import gg.jte.output.StringOutput;
import org.junit.jupiter.api.Test;
import org.optline.subscriptions.api.ActorKind;
import org.optline.subscriptions.api.ConsentAction;
import org.optline.subscriptions.api.ConsentEventView;
import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.LocaleCode;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.ShownText;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.Translation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryEntryTest {

    private static final Instant AT = Instant.parse("2026-03-14T09:26:53Z");
    private static final LocaleCode EN = new LocaleCode("en");
    private static final SubscriptionTypeView DEALS = new SubscriptionTypeView(7, MessageType.SMS, ConsentType.OPT_IN,
            State.LIVE, EN, List.of(new Translation(EN, "Deals", "")), 1, AT, AT);

    private static ConsentEventView event(int seq, long typeId, Long conversationId, Long messageId) {
        return new ConsentEventView(seq, 42, seq, typeId, ConsentAction.OPT_IN, AT.plusSeconds(seq), ConsentSource.FORM,
                ActorKind.CUSTOMER, null, "+12015550142", null, null, conversationId, messageId, null, null, null,
                "previous", "hash" + seq);
    }

    @Test
    void entriesAreNewestFirstWithTypeNames() {
        List<HistoryEntry> entries = HistoryEntry.newestFirst(List.of(event(1, 7, null, null), event(2, 9, null, null)),
                List.of(DEALS));

        assertThat(entries).extracting(entry -> entry.event().seq()).containsExactly(2, 1);
        assertThat(entries).extracting(HistoryEntry::typeName).containsExactly("Subscription type 9", "Deals");
    }

    @Test
    void conversationNamesWhatIsKnown() {
        assertThat(new HistoryEntry(event(1, 7, 12L, 80L), "Deals").conversation()).isEqualTo("conversation 12, message 80");
        assertThat(new HistoryEntry(event(1, 7, 12L, null), "Deals").conversation()).isEqualTo("conversation 12");
        assertThat(new HistoryEntry(event(1, 7, null, 80L), "Deals").conversation()).isEqualTo("message 80");
        assertThat(new HistoryEntry(event(1, 7, null, null), "Deals").conversation()).isNull();
    }

    @Test
    void actorNamesKindAndId() {
        assertThat(ConsentFormats.actor(ActorKind.ADMIN, "ana@example.com")).isEqualTo("admin ana@example.com");
        assertThat(ConsentFormats.actor(ActorKind.CUSTOMER, null)).isEqualTo("the customer");
    }

    @Test
    void historyShowsLegalTextAsCustomerSawIt() {
        String legal = "<p>Reply <b>STOP</b> to end. <a href=\"https://shop.example/terms\">Terms</a></p>"
                + "<script>alert(1)</script><a href=\"javascript:alert(2)\">Click</a><img src=x onerror=alert(3)>";
        ConsentEventView event = new ConsentEventView(1, 42, 1, 7, ConsentAction.OPT_IN, AT, ConsentSource.FORM,
                ActorKind.CUSTOMER, null, "+12015550142", null, null, 12L, 80L,
                new ShownText("en", "Join our texts", "Subscribe", legal), null, null, "previous", "hash1");

        StringOutput output = new StringOutput();
        SubscriptionTypesPage.TEMPLATES.render("contactconsent/history.jte",
                Map.of("contactId", 42L, "entries", List.of(new HistoryEntry(event, "Deals"))), output);
        String html = output.toString();

        assertThat(html).contains("<div>Legal text: <p>Reply <b>STOP</b> to end. <a href=\"https://shop.example/terms\" "
                + "rel=\"noopener noreferrer nofollow\" target=\"_blank\">Terms</a></p>Click</div>");
        assertThat(html).doesNotContain("&lt;b&gt;").doesNotContain("&lt;p&gt;");
        assertThat(html).doesNotContain("<script").doesNotContain("javascript:").doesNotContain("<img")
                .doesNotContain("alert");
    }

    @Test
    void legalHtmlNullWithoutShownText() {
        assertThat(new HistoryEntry(event(1, 7, null, null), "Deals").legalHtml()).isNull();
    }
}
