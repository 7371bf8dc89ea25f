package org.optline.contacts.boundary;

import org.junit.jupiter.api.Test;
import org.optline.contacts.api.ContactRole;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.LineType;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    private static final Instant CREATED = Instant.parse("2026-03-14T09:26:53Z");

    private static ContactView contact(String name, String email, String phone, LineType lineType, String externalId) {
        return new ContactView(42, ContactRole.USER, externalId, email, phone, lineType, name, null, null, null, false,
                null, null, null, CREATED, CREATED, 1);
    }

    @Test
    void displayNamePrefersName() {
        assertThat(Formats.displayName(contact("Ana", "ana@example.com", null, null, null))).isEqualTo("Ana");
    }

    @Test
    void displayNameFallsBackInOrder() {
        assertThat(Formats.displayName(contact(null, "ana@example.com", "+12015550142", LineType.MOBILE, "A1")))
                .isEqualTo("ana@example.com");
        assertThat(Formats.displayName(contact(null, null, "+12015550142", LineType.MOBILE, "A1")))
                .isEqualTo("+1 201-555-0142");
        assertThat(Formats.displayName(contact(null, null, null, null, "A1"))).isEqualTo("A1");
        assertThat(Formats.displayName(contact(null, null, null, null, null))).isEqualTo("Contact 42");
    }

    @Test
    void landlineGetsSmsWarning() {
        ContactView landline = contact("Ana", null, "+442079460958", LineType.FIXED_LINE, null);

        assertThat(Formats.smsWarning(landline)).isEqualTo("landline: cannot receive SMS consent");
    }

    @Test
    void mobileAndMissingPhoneGetNoWarning() {
        assertThat(Formats.smsWarning(contact("Ana", null, "+447400123456", LineType.MOBILE, null))).isNull();
        assertThat(Formats.smsWarning(contact("Ana", null, null, null, null))).isNull();
    }

    @Test
    void timeIsUtcToTheMinute() {
        assertThat(Formats.time(CREATED)).isEqualTo("2026-03-14 09:26 UTC");
        assertThat(Formats.time(null)).isEmpty();
    }

    @Test
    void phoneIsFormattedInternationally() {
        assertThat(Formats.phone("+442079460958")).isEqualTo("+44 20 7946 0958");
        assertThat(Formats.phone(null)).isEmpty();
    }
}
