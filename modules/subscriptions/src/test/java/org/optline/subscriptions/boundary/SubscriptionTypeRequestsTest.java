package org.optline.subscriptions.boundary;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.optline.platform.DomainException;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.LocaleCode;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.NewSubscriptionType;
import org.optline.subscriptions.api.Rewording;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.SubscriptionTypeView;
import org.optline.subscriptions.api.Translation;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SubscriptionTypeRequestsTest {

    private static final LocaleCode EN = new LocaleCode("en");
    private static final LocaleCode FR = new LocaleCode("fr");
    private static final LocaleCode DE = new LocaleCode("de");
    private static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");

    private static final String DEALS = """
            {"name": "Deals", "description": "Weekly offers", "locale": "en"}""";
    private static final String OFFRES = """
            {"name": "Offres", "description": "Offres de la semaine", "locale": "fr"}""";

    /** A stored draft with an English default and a French translation, at version 3. */
    private static final SubscriptionTypeView STORED = new SubscriptionTypeView(7, MessageType.SMS,
            ConsentType.OPT_IN, State.DRAFT, EN,
            List.of(new Translation(EN, "Deals", "Weekly offers"), new Translation(FR, "Offres", "Offres de la semaine")),
            3, CREATED, CREATED);

    private static String creationBody(String fields) {
        return "{\"content_types\": [\"sms_message\"], \"consent_type\": \"opt_in\", \"default_translation\": "
                + DEALS + (fields.isEmpty() ? "" : ", " + fields) + "}";
    }

    private static <E extends DomainException> E rejectCreation(Class<E> type, String body) {
        E e = catchThrowableOfType(type, () -> SubscriptionTypeRequests.creation(body));
        assertThat(e).as("exception for body %s", body).isNotNull();
        return e;
    }

    private static <E extends DomainException> E rejectRewording(Class<E> type, String body) {
        E e = catchThrowableOfType(type, () -> SubscriptionTypeRequests.rewording(body, STORED, 3L));
        assertThat(e).as("exception for body %s", body).isNotNull();
        return e;
    }

    @Test
    void creationReadsIntercomShape() {
        NewSubscriptionType request = SubscriptionTypeRequests.creation(creationBody("\"translations\": [" + OFFRES + "]"));

        assertThat(request.messageType()).isEqualTo(MessageType.SMS);
        assertThat(request.consentType()).isEqualTo(ConsentType.OPT_IN);
        assertThat(request.defaultLocale()).isEqualTo(EN);
        assertThat(request.translations()).containsExactly(
                new Translation(EN, "Deals", "Weekly offers"),
                new Translation(FR, "Offres", "Offres de la semaine"));
    }

    @Test
    void creationAcceptsPageStyleMessageType() {
        NewSubscriptionType request = SubscriptionTypeRequests.creation("""
                {"message_type": "email", "consent_type": "opt-out", "default_translation": {"name": "News"}}""");

        assertThat(request.messageType()).isEqualTo(MessageType.EMAIL);
        assertThat(request.consentType()).isEqualTo(ConsentType.OPT_OUT);
    }

    @Test
    void creationDefaultsLocaleToEnglish() {
        NewSubscriptionType request = SubscriptionTypeRequests.creation("""
                {"content_types": ["email"], "consent_type": "opt_in", "default_translation": {"name": "News"}}""");

        assertThat(request.defaultLocale()).isEqualTo(SubscriptionTypeRequests.FALLBACK_LOCALE);
        assertThat(request.translations()).containsExactly(new Translation(EN, "News", ""));
    }

    @Test
    void creationReadsDoubleOptIn() {
        assertThat(SubscriptionTypeRequests.creation(creationBody("\"double_opt_in\": true")).doubleOptIn()).isTrue();
        assertThat(SubscriptionTypeRequests.creation(creationBody("\"double_opt_in\": false")).doubleOptIn()).isFalse();
        assertThat(SubscriptionTypeRequests.creation(creationBody("\"double_opt_in\": null")).doubleOptIn()).isFalse();
        assertThat(SubscriptionTypeRequests.creation(creationBody("")).doubleOptIn()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "1", "\"yes\"", "{}"})
    void doubleOptInOfWrongTypeRejected(String value) {
        InvalidInputException creation = rejectCreation(InvalidInputException.class,
                creationBody("\"double_opt_in\": " + value));
        InvalidInputException rewording = rejectRewording(InvalidInputException.class, "{\"double_opt_in\": " + value + "}");

        assertThat(creation.field()).contains("double_opt_in");
        assertThat(creation.getMessage()).contains("must be true or false");
        assertThat(rewording.field()).contains("double_opt_in");
    }

    @Test
    void rewordingKeepsDoubleOptInUnlessSent() {
        assertThat(SubscriptionTypeRequests.rewording("{}", STORED, 3L).doubleOptIn()).isNull();
        assertThat(SubscriptionTypeRequests.rewording("{\"double_opt_in\": true}", STORED, 3L).doubleOptIn()).isTrue();
        assertThat(SubscriptionTypeRequests.rewording("{\"double_opt_in\": false}", STORED, 3L).doubleOptIn()).isFalse();
    }

    @Test
    void creationIgnoresUnknownFields() {
        NewSubscriptionType request = SubscriptionTypeRequests.creation(
                creationBody("\"type\": \"subscription\", \"state\": \"live\", \"extra\": {\"a\": 1}"));

        assertThat(request.translations()).hasSize(1);
    }

    @Test
    void creationRequiresContentTypes() {
        MissingInputException e = rejectCreation(MissingInputException.class, """
                {"consent_type": "opt_in", "default_translation": {"name": "Deals"}}""");

        assertThat(e.field()).contains("content_types");
        assertThat(e.getMessage()).startsWith("content_types is missing.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"sms_message\"", "[]", "[\"sms_message\", \"email\"]", "[1]", "null", "{}", "[[\"email\"]]"})
    void contentTypesOfWrongShapeRejected(String contentTypes) {
        InvalidInputException e = rejectCreation(InvalidInputException.class, """
                {"content_types": %s, "consent_type": "opt_in", "default_translation": {"name": "Deals"}}"""
                .formatted(contentTypes));

        assertThat(e.field()).contains("content_types");
        assertThat(e.getMessage()).isEqualTo("content_types must be a list of one string: [\"sms_message\"] or [\"email\"].");
    }

    @Test
    void creationRejectsUnknownContentType() {
        InvalidInputException e = rejectCreation(InvalidInputException.class, """
                {"content_types": ["push"], "consent_type": "opt_in", "default_translation": {"name": "Deals"}}""");

        assertThat(e.field()).contains("content_types");
        assertThat(e.getMessage()).contains("'push' is unknown");
    }

    @Test
    void creationRequiresConsentType() {
        MissingInputException e = rejectCreation(MissingInputException.class, """
                {"content_types": ["sms_message"], "default_translation": {"name": "Deals"}}""");

        assertThat(e.field()).contains("consent_type");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1          | number",
            "true       | true",
            "[\"opt_in\"] | array",
            "{}         | object",
    })
    void consentTypeOfWrongTypeRejected(String value, String jsonType) {
        InvalidInputException e = rejectCreation(InvalidInputException.class, """
                {"content_types": ["sms_message"], "consent_type": %s, "default_translation": {"name": "Deals"}}"""
                .formatted(value));

        assertThat(e.field()).contains("consent_type");
        assertThat(e.getMessage()).isEqualTo("consent_type must be a string, not " + jsonType + ".");
    }

    @Test
    void creationRequiresDefaultTranslation() {
        MissingInputException e = rejectCreation(MissingInputException.class, """
                {"content_types": ["sms_message"], "consent_type": "opt_in"}""");

        assertThat(e.field()).contains("default_translation");
        assertThat(e.getMessage()).startsWith("default_translation is missing.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Deals\"", "[]", "42"})
    void defaultTranslationMustBeObject(String value) {
        InvalidInputException e = rejectCreation(InvalidInputException.class, """
                {"content_types": ["sms_message"], "consent_type": "opt_in", "default_translation": %s}"""
                .formatted(value));

        assertThat(e.field()).contains("default_translation");
        assertThat(e.getMessage()).isEqualTo("default_translation must be an object with name, description and locale.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\": 5}                        | default_translation.name        | number",
            "{\"name\": \"Deals\", \"description\": [] } | default_translation.description | array",
            "{\"name\": \"Deals\", \"locale\": false}   | default_translation.locale      | false",
    })
    void nestedWrongTypeNamesFullPath(String translation, String field, String jsonType) {
        InvalidInputException e = rejectCreation(InvalidInputException.class, """
                {"content_types": ["sms_message"], "consent_type": "opt_in", "default_translation": %s}"""
                .formatted(translation));

        assertThat(e.field()).contains(field);
        assertThat(e.getMessage()).isEqualTo(field + " must be a string, not " + jsonType + ".");
    }

    @Test
    void listEntryWrongTypeNamesIndex() {
        InvalidInputException e = rejectCreation(InvalidInputException.class,
                creationBody("\"translations\": [" + OFFRES + ", {\"name\": [\"Angebote\"], \"locale\": \"de\"}]"));

        assertThat(e.field()).contains("translations[1].name");
    }

    @Test
    void defaultTranslationNeedsName() {
        MissingInputException e = rejectCreation(MissingInputException.class, """
                {"content_types": ["sms_message"], "consent_type": "opt_in", "default_translation": {"locale": "en"}}""");

        assertThat(e.field()).contains("default_translation.name");
    }

    @Test
    void creationRejectsLongDescription() {
        String body = """
                {"content_types": ["sms_message"], "consent_type": "opt_in",
                 "default_translation": {"name": "Deals", "description": "%s"}}""".formatted("x".repeat(10_000));

        InvalidInputException e = rejectCreation(InvalidInputException.class, body);

        assertThat(e.field()).contains("default_translation.description");
        assertThat(e.getMessage()).isEqualTo("default_translation.description is 10000 characters long; "
                + "the maximum is 500. Shorten it.");
    }

    @Test
    void creationRejectsInvalidDefaultLocale() {
        InvalidInputException e = rejectCreation(InvalidInputException.class, """
                {"content_types": ["sms_message"], "consent_type": "opt_in",
                 "default_translation": {"name": "Deals", "locale": "xx"}}""");

        assertThat(e.field()).contains("default_translation.locale");
        assertThat(e.getMessage()).contains("'xx' is not an ISO 639-1 language code");
    }

    @Test
    void translationsMustBeAList() {
        InvalidInputException e = rejectCreation(InvalidInputException.class, creationBody("\"translations\": " + OFFRES));

        assertThat(e.field()).contains("translations");
        assertThat(e.getMessage()).startsWith("translations must be a list of objects");
    }

    @Test
    void translationsEntryMustBeAnObject() {
        InvalidInputException e = rejectCreation(InvalidInputException.class,
                creationBody("\"translations\": [" + OFFRES + ", \"Angebote\"]"));

        assertThat(e.field()).contains("translations[1]");
        assertThat(e.getMessage()).isEqualTo("translations[1] must be an object with name, description and locale.");
    }

    @Test
    void translationsEntryNeedsLocale() {
        MissingInputException e = rejectCreation(MissingInputException.class,
                creationBody("\"translations\": [{\"name\": \"Offres\"}]"));

        assertThat(e.field()).contains("translations[0].locale");
        assertThat(e.getMessage()).isEqualTo("translations[0].locale is missing. Use a code such as fr.");
    }

    @Test
    void nullTranslationsMeansNone() {
        NewSubscriptionType request = SubscriptionTypeRequests.creation(creationBody("\"translations\": null"));

        assertThat(request.translations()).containsExactly(new Translation(EN, "Deals", "Weekly offers"));
    }

    @Test
    void repeatedDefaultWithSameTextIsKeptOnce() {
        NewSubscriptionType request = SubscriptionTypeRequests.creation(
                creationBody("\"translations\": [" + DEALS + ", " + OFFRES + "]"));

        assertThat(request.translations()).extracting(Translation::locale).containsExactly(EN, FR);
    }

    @Test
    void conflictingDefaultRepeatRejected() {
        InvalidInputException e = rejectCreation(InvalidInputException.class,
                creationBody("\"translations\": [{\"name\": \"Other deals\", \"locale\": \"en\"}]"));

        assertThat(e.field()).contains("translations");
        assertThat(e.getMessage()).isEqualTo("translations has a text for the default locale en that differs "
                + "from default_translation. Send it once.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"name\": \"Deals\"}]", "\"text\"", "42", "null", "true"})
    void bodyMustBeAnObject(String body) {
        InvalidInputException e = rejectCreation(InvalidInputException.class, body);

        assertThat(e.field()).contains("body");
        assertThat(e.getMessage()).isEqualTo("The request body is JSON but not an object. Send {...}.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"consent_type\": }", "not json", "{'consent_type': 'opt_in'}", "{\"a\": 1,}"})
    void bodyMustBeValidJson(String body) {
        InvalidInputException e = rejectCreation(InvalidInputException.class, body);

        assertThat(e.field()).contains("body");
        assertThat(e.getMessage()).startsWith("The request body is not valid JSON: ");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  \n"})
    void bodyIsRequired(String body) {
        MissingInputException e = rejectCreation(MissingInputException.class, body);

        assertThat(e.field()).contains("body");
        assertThat(e.getMessage()).isEqualTo("The request body is empty. Send a JSON object.");
    }

    @Test
    void oversizedBodyRejectedBeforeParsing() {
        String body = "{\"padding\": \"" + " ".repeat(SubscriptionTypeRequests.MAX_BODY_CHARS) + "\"}";

        InvalidInputException e = rejectCreation(InvalidInputException.class, body);

        assertThat(e.field()).contains("body");
        assertThat(e.getMessage()).isEqualTo("The request body has " + body.length()
                + " characters; the maximum is 200000.");
    }

    @Test
    void emptyRewordingKeepsStoredTexts() {
        Rewording request = SubscriptionTypeRequests.rewording("{}", STORED, 3L);

        assertThat(request.expectedVersion()).isEqualTo(3L);
        assertThat(request.defaultLocale()).isEqualTo(EN);
        assertThat(request.translations()).isEqualTo(STORED.translations());
        assertThat(request.messageType()).isNull();
        assertThat(request.consentType()).isNull();
    }

    @Test
    void rewordingPassesNoVersionThrough() {
        assertThat(SubscriptionTypeRequests.rewording("{}", STORED, null).expectedVersion()).isNull();
    }

    @Test
    void rewordingReplacesDefaultTextOnly() {
        Rewording request = SubscriptionTypeRequests.rewording("""
                {"default_translation": {"name": "Monday deals"}}""", STORED, 3L);

        assertThat(request.defaultLocale()).isEqualTo(EN);
        assertThat(request.translations()).containsExactly(
                new Translation(EN, "Monday deals", ""),
                new Translation(FR, "Offres", "Offres de la semaine"));
    }

    @Test
    void rewordingReplacesTranslationsWhenGiven() {
        Rewording request = SubscriptionTypeRequests.rewording("""
                {"translations": [{"name": "Angebote", "locale": "de"}]}""", STORED, 3L);

        assertThat(request.translations()).containsExactly(
                new Translation(EN, "Deals", "Weekly offers"),
                new Translation(DE, "Angebote", ""));
    }

    @Test
    void rewordingWithEmptyTranslationsRemovesThem() {
        Rewording request = SubscriptionTypeRequests.rewording("{\"translations\": []}", STORED, 3L);

        assertThat(request.translations()).containsExactly(new Translation(EN, "Deals", "Weekly offers"));
    }

    @Test
    void rewordingMovesDefaultToTranslatedLocale() {
        Rewording request = SubscriptionTypeRequests.rewording("""
                {"default_translation": {"name": "Offres spéciales", "locale": "fr"}}""", STORED, 3L);

        assertThat(request.defaultLocale()).isEqualTo(FR);
        assertThat(request.translations()).containsExactly(
                new Translation(FR, "Offres spéciales", ""),
                new Translation(EN, "Deals", "Weekly offers"));
    }

    @Test
    void rewordingAcceptsEchoedObject() {
        Rewording request = SubscriptionTypeRequests.rewording("""
                {"type": "subscription", "id": "7", "state": "draft", "consent_type": "opt_in",
                 "default_translation": %s, "translations": [%s, %s], "content_types": ["sms_message"]}"""
                .formatted(DEALS, DEALS, OFFRES), STORED, 3L);

        assertThat(request.translations()).isEqualTo(STORED.translations());
        assertThat(request.messageType()).isEqualTo(MessageType.SMS);
        assertThat(request.consentType()).isEqualTo(ConsentType.OPT_IN);
    }

    @Test
    void rewordingPassesRequestedKind() {
        Rewording request = SubscriptionTypeRequests.rewording("""
                {"content_types": ["email"], "consent_type": "opt_out"}""", STORED, 3L);

        assertThat(request.messageType()).isEqualTo(MessageType.EMAIL);
        assertThat(request.consentType()).isEqualTo(ConsentType.OPT_OUT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"live\"", "\"archived\"", "null", "\"\""})
    void rewordingRejectsStateChange(String state) {
        InvalidInputException e = rejectRewording(InvalidInputException.class, "{\"state\": " + state + "}");

        assertThat(e.field()).contains("state");
        assertThat(e.getMessage()).isEqualTo("state cannot be set here. Use POST /api/subscription_types/7/put_live "
                + "or /archive.");
    }

    @Test
    void rewordingRejectsStateOfWrongType() {
        InvalidInputException e = rejectRewording(InvalidInputException.class, "{\"state\": 1}");

        assertThat(e.field()).contains("state");
        assertThat(e.getMessage()).isEqualTo("state must be a string, not number.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"draft", "DRAFT", " Draft "})
    void rewordingAcceptsUnchangedState(String state) {
        Rewording request = SubscriptionTypeRequests.rewording("{\"state\": \"" + state + "\"}", STORED, 3L);

        assertThat(request.translations()).isEqualTo(STORED.translations());
    }

    @Test
    void rewordingRejectsConflictingDefault() {
        InvalidInputException e = rejectRewording(InvalidInputException.class, """
                {"default_translation": {"name": "Deals"}, "translations": [{"name": "Other", "locale": "en"}]}""");

        assertThat(e.field()).contains("translations");
        assertThat(e.getMessage()).contains("differs from default_translation");
    }

    @Test
    void rewordingRejectsNonObjectBody() {
        InvalidInputException e = rejectRewording(InvalidInputException.class, "[]");

        assertThat(e.field()).contains("body");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL      | NULL",
            "''        | NULL",
            "'   '     | NULL",
            "*         | NULL",
            "' * '     | NULL",
            "\"3\"     | 3",
            "W/\"3\"   | 3",
            "' \"12\" '| 12",
            "3         | 3",
    })
    void expectedVersionReadsEntityTag(String ifMatch, Long expected) {
        assertThat(SubscriptionTypeRequests.expectedVersion(ifMatch)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "\"\"", "\"1\", \"2\"", "W/", "\"3", "v3", "\"99999999999999999999\""})
    void expectedVersionRejectsOtherTags(String ifMatch) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SubscriptionTypeRequests.expectedVersion(ifMatch));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("If-Match");
        assertThat(e.getMessage()).isEqualTo("If-Match '" + ifMatch + "' is not an entity tag of this API. "
                + "Send the ETag header of the last GET, such as \"3\".");
    }
}
