package org.optline.helpdesk.boundary;

import org.junit.jupiter.api.Test;
import org.optline.contacts.api.ContactRole;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.LineType;
import org.optline.helpdesk.api.PartKind;
import org.optline.helpdesk.api.PartView;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InboxFormatsTest {

    private static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");

    @Test
    void contactNamePrefersName() {
        assertThat(InboxFormats.contactName(contact("Ann Lee", "ann@example.com", "+12015550142"), 7)).isEqualTo("Ann Lee");
    }

    @Test
    void contactNameFallsBackToEmail() {
        assertThat(InboxFormats.contactName(contact(null, "ann@example.com", "+12015550142"), 7)).isEqualTo("ann@example.com");
    }

    @Test
    void contactNameMasksPhone() {
        assertThat(InboxFormats.contactName(contact(null, null, "+12015550142"), 7)).isEqualTo("+1******0142");
    }

    @Test
    void contactNameOfMissingContact() {
        assertThat(InboxFormats.contactName(null, 7)).isEqualTo("Contact 7");
        assertThat(InboxFormats.contactName(contact(" ", null, null), 7)).isEqualTo("Contact 7");
    }

    @Test
    void maskedPhoneHidesAllButLastFour() {
        assertThat(InboxFormats.maskedPhone(contact("Ann", null, "+12015550142"))).isEqualTo("+1******0142");
        assertThat(InboxFormats.maskedPhone(contact("Ann", null, null))).isEmpty();
        assertThat(InboxFormats.maskedPhone(null)).isEmpty();
    }

    @Test
    void previewJoinsLinesAndCuts() {
        assertThat(InboxFormats.preview(message("  Hello\n\n  there  "))).isEqualTo("Hello there");
        String cut = InboxFormats.preview(message("a".repeat(InboxFormats.PREVIEW_LENGTH + 5)));
        assertThat(cut).isEqualTo("a".repeat(InboxFormats.PREVIEW_LENGTH) + "…");
    }

    @Test
    void previewKeepsSurrogatePairsWhole() {
        String emoji = "\uD83D\uDE00";
        String cut = InboxFormats.preview(message(emoji.repeat(InboxFormats.PREVIEW_LENGTH + 1)));
        assertThat(cut).isEqualTo(emoji.repeat(InboxFormats.PREVIEW_LENGTH) + "…");
    }

    @Test
    void linesSplitOnAnyLineBreak() {
        assertThat(InboxFormats.lines("one\r\ntwo\nthree")).containsExactly("one", "two", "three");
        assertThat(InboxFormats.lines("end\n")).containsExactly("end", "");
        assertThat(InboxFormats.lines(null)).isEmpty();
    }

    @Test
    void authorByKind() {
        assertThat(InboxFormats.author(message("Hi"))).isEqualTo("Customer");
        assertThat(InboxFormats.author(new PartView(2, 1, PartKind.AGENT_MESSAGE, "bo@example.com", "Hi", null, null, NOW)))
                .isEqualTo("bo@example.com");
        assertThat(InboxFormats.author(new PartView(3, 1, PartKind.EVENT, null, "Opted in", null, null, NOW)))
                .isEqualTo("Optline");
    }

    @Test
    void timeIsUtcToTheMinute() {
        assertThat(InboxFormats.time(NOW)).isEqualTo("2025-03-14 09:26 UTC");
        assertThat(InboxFormats.time(null)).isEmpty();
    }

    private static PartView message(String body) {
        return new PartView(1, 1, PartKind.CUSTOMER_MESSAGE, null, body, null, null, NOW);
    }

    private static ContactView contact(String name, String email, String phone) {
        return new ContactView(7, ContactRole.USER, null, email, phone, phone == null ? null : LineType.MOBILE, name,
                null, null, null, false, null, null, null, NOW, NOW, 0);
    }
}
