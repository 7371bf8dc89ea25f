package org.optline.subscriptions.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.optline.platform.InvalidInputException;
import org.optline.subscriptions.api.ArchivedTypeException;
import org.optline.subscriptions.api.ConsentType;
import org.optline.subscriptions.api.ImmutableAttributeException;
import org.optline.subscriptions.api.LocaleCode;
import org.optline.subscriptions.api.MessageType;
import org.optline.subscriptions.api.State;
import org.optline.subscriptions.api.Translation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SubscriptionTypeTest {

    private static final Clock CREATION = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private static final Clock LATER = Clock.offset(CREATION, Duration.ofHours(1));
    private static final Clock MUCH_LATER = Clock.offset(CREATION, Duration.ofDays(3));

    private static final LocaleCode EN = new LocaleCode("en");
    private static final LocaleCode FR = new LocaleCode("fr");
    private static final LocaleCode DE = new LocaleCode("de");

    private static final Translation DEALS_EN = new Translation(EN, "Weekly deals", "Offers every Monday");
    private static final Translation DEALS_FR = new Translation(FR, "Offres", "Offres chaque lundi");
    private static final Translation DEALS_DE = new Translation(DE, "Angebote", "Jeden Montag");

    private static SubscriptionType draft() {
        return SubscriptionType.draft(MessageType.SMS, ConsentType.OPT_IN, EN, List.of(DEALS_EN, DEALS_FR),
                CREATION.instant());
    }

    /** Returns a type brought to {@code state} at the {@link #CREATION} instant. */
    private static SubscriptionType inState(State state) {
        SubscriptionType type = draft();
        switch (state) {
            case DRAFT -> {
            }
            case LIVE -> type.putLive(CREATION.instant());
            case ARCHIVED -> type.archive(CREATION.instant());
        }
        return type;
    }

    /** Returns {@code count} translations in distinct valid locales, English first. */
    private static List<Translation> translations(int count) {
        List<Translation> texts = new ArrayList<>();
        texts.add(DEALS_EN);
        Arrays.stream(Locale.getISOLanguages())
                .filter(language -> !language.equals("en"))
                .limit(count - 1L)
                .forEach(language -> texts.add(new Translation(LocaleCode.parse("locale", language),
                        "Deals " + language, "")));
        assertThat(texts).hasSize(count);
        return texts;
    }

    @Test
    void newTypeIsDraft() {
        SubscriptionType type = draft();

        assertThat(type.state()).isEqualTo(State.DRAFT);
        assertThat(type.messageType()).isEqualTo(MessageType.SMS);
        assertThat(type.consentType()).isEqualTo(ConsentType.OPT_IN);
        assertThat(type.defaultLocale()).isEqualTo(EN);
        assertThat(type.translations()).containsOnlyKeys("en", "fr");
        assertThat(type.translations().get("fr").name()).isEqualTo("Offres");
        assertThat(type.translations().get("fr").description()).isEqualTo("Offres chaque lundi");
        assertThat(type.createdAt()).isEqualTo(CREATION.instant());
        assertThat(type.updatedAt()).isEqualTo(CREATION.instant());
        assertThat(type.id()).isNull();
    }

    @Test
    void putLiveMovesDraftToLive() {
        SubscriptionType type = draft();

        type.putLive(LATER.instant());

        assertThat(type.state()).isEqualTo(State.LIVE);
        assertThat(type.updatedAt()).isEqualTo(LATER.instant());
        assertThat(type.createdAt()).isEqualTo(CREATION.instant());
    }

    @Test
    void putLiveOnLiveTypeChangesNothing() {
        SubscriptionType type = inState(State.LIVE);

        type.putLive(LATER.instant());

        assertThat(type.state()).isEqualTo(State.LIVE);
        assertThat(type.updatedAt()).isEqualTo(CREATION.instant());
    }

    @ParameterizedTest
    @EnumSource(value = State.class, names = {"DRAFT", "LIVE"})
    void archiveRetiresDraftAndLiveTypes(State start) {
        SubscriptionType type = inState(start);

        type.archive(LATER.instant());

        assertThat(type.state()).isEqualTo(State.ARCHIVED);
        assertThat(type.updatedAt()).isEqualTo(LATER.instant());
    }

    @Test
    void archiveOfArchivedTypeChangesNothing() {
        SubscriptionType type = inState(State.ARCHIVED);

        type.archive(LATER.instant());

        assertThat(type.state()).isEqualTo(State.ARCHIVED);
        assertThat(type.updatedAt()).isEqualTo(CREATION.instant());
    }

    @Test
    void archivedTypeCannotBePutLive() {
        SubscriptionType type = inState(State.ARCHIVED);

        ArchivedTypeException e = catchThrowableOfType(ArchivedTypeException.class,
                () -> type.putLive(LATER.instant()));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("is archived, so it cannot be put live", "create a new type instead");
        assertThat(type.state()).isEqualTo(State.ARCHIVED);
        assertThat(type.updatedAt()).isEqualTo(CREATION.instant());
    }

    @Test
    void archivedTypeCannotBeReworded() {
        SubscriptionType type = inState(State.ARCHIVED);

        ArchivedTypeException e = catchThrowableOfType(ArchivedTypeException.class,
                () -> type.reword(EN, List.of(new Translation(EN, "Renamed", "")), LATER.instant()));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("is archived, so it cannot be edited");
        assertThat(type.translations().get("en").name()).isEqualTo("Weekly deals");
        assertThat(type.translations()).containsOnlyKeys("en", "fr");
        assertThat(type.updatedAt()).isEqualTo(CREATION.instant());
    }

    @ParameterizedTest
    @EnumSource(value = State.class, names = {"DRAFT", "LIVE"})
    void rewordReplacesTextsUntilArchived(State start) {
        SubscriptionType type = inState(start);

        type.reword(EN, List.of(new Translation(EN, "Monday deals", "New text"), DEALS_DE), LATER.instant());

        assertThat(type.state()).isEqualTo(start);
        assertThat(type.translations()).containsOnlyKeys("en", "de");
        assertThat(type.translations().get("en").name()).isEqualTo("Monday deals");
        assertThat(type.translations().get("en").description()).isEqualTo("New text");
        assertThat(type.translations().get("de").name()).isEqualTo("Angebote");
        assertThat(type.updatedAt()).isEqualTo(LATER.instant());
    }

    @Test
    void rewordRemovesLeftOutTranslation() {
        SubscriptionType type = SubscriptionType.draft(MessageType.SMS, ConsentType.OPT_IN, EN,
                List.of(DEALS_EN, DEALS_FR, DEALS_DE), CREATION.instant());

        type.reword(EN, List.of(DEALS_EN, DEALS_DE), LATER.instant());

        assertThat(type.translations()).containsOnlyKeys("en", "de");
    }

    @Test
    void rewordCanMoveDefaultToAnotherLocale() {
        SubscriptionType type = draft();

        type.reword(FR, List.of(DEALS_EN, DEALS_FR), LATER.instant());

        assertThat(type.defaultLocale()).isEqualTo(FR);
        assertThat(type.translations()).containsOnlyKeys("en", "fr");
    }

    @Test
    void rewordKeepsDefaultLocaleTextRequired() {
        SubscriptionType type = draft();

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> type.reword(EN, List.of(DEALS_FR, DEALS_DE), LATER.instant()));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("default_translation");
        assertThat(e.getMessage()).isEqualTo("There is no text in the default locale en. "
                + "Add a name for en or choose another default locale.");
        assertThat(type.translations()).containsOnlyKeys("en", "fr");
        assertThat(type.updatedAt()).isEqualTo(CREATION.instant());
    }

    @Test
    void draftNeedsTextInDefaultLocale() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SubscriptionType.draft(MessageType.SMS, ConsentType.OPT_IN, DE, List.of(DEALS_EN, DEALS_FR),
                        CREATION.instant()));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("default_translation");
        assertThat(e.getMessage()).contains("default locale de");
    }

    @Test
    void draftNeedsAtLeastOneText() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SubscriptionType.draft(MessageType.EMAIL, ConsentType.OPT_OUT, EN, List.of(),
                        CREATION.instant()));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("default_translation");
        assertThat(e.getMessage()).startsWith("default_translation is missing.");
    }

    @Test
    void duplicateLocalesRejectedAtCreation() {
        Translation secondEnglish = new Translation(EN, "Other deals", "");

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> SubscriptionType.draft(MessageType.SMS, ConsentType.OPT_IN, EN,
                        List.of(DEALS_EN, DEALS_FR, secondEnglish), CREATION.instant()));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("translations");
        assertThat(e.getMessage()).isEqualTo("Locale en appears twice. Give each locale one name and description.");
    }

    @Test
    void rewordWithDuplicateLocaleChangesNothing() {
        SubscriptionType type = draft();

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> type.reword(EN, List.of(DEALS_EN, DEALS_DE, DEALS_DE), LATER.instant()));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("Locale de appears twice.");
        assertThat(type.translations()).containsOnlyKeys("en", "fr");
    }

    @Test
    void fiftyTranslationsAccepted() {
        SubscriptionType type = SubscriptionType.draft(MessageType.SMS, ConsentType.OPT_IN, EN,
                translations(SubscriptionType.MAX_TRANSLATIONS), CREATION.instant());

        assertThat(type.translations()).hasSize(50);
    }

    @Test
    void moreThanFiftyTranslationsRejected() {
        SubscriptionType type = draft();

        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> type.reword(EN, translations(SubscriptionType.MAX_TRANSLATIONS + 1), LATER.instant()));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains("translations");
        assertThat(e.getMessage()).isEqualTo("There are 51 translations; at most 50 locales are allowed. Remove some.");
        assertThat(type.translations()).containsOnlyKeys("en", "fr");
    }

    static Stream<Arguments> kindChanges() {
        return Stream.of(
                Arguments.of(MessageType.EMAIL, null, "content_types",
                        "content_types cannot change from sms_message to email after creation"),
                Arguments.of(null, ConsentType.OPT_OUT, "consent_type",
                        "consent_type cannot change from opt_in to opt_out after creation"),
                Arguments.of(MessageType.EMAIL, ConsentType.OPT_OUT, "content_types",
                        "content_types cannot change from sms_message to email after creation"));
    }

    @ParameterizedTest
    @MethodSource("kindChanges")
    void messageAndConsentTypeCannotChange(MessageType messageType, ConsentType consentType, String field,
                                           String start) {
        SubscriptionType type = draft();

        ImmutableAttributeException e = catchThrowableOfType(ImmutableAttributeException.class,
                () -> type.requireSameKind(messageType, consentType));

        assertThat(e).isNotNull();
        assertThat(e.field()).contains(field);
        assertThat(e.getMessage()).startsWith(start);
        assertThat(e.getMessage()).contains("because consent already recorded under this type would change its meaning");
        assertThat(e.getMessage()).contains("Archive this type and create a new one instead.");
    }

    static Stream<Arguments> sameKinds() {
        return Stream.of(
                Arguments.of(null, null),
                Arguments.of(MessageType.SMS, null),
                Arguments.of(null, ConsentType.OPT_IN),
                Arguments.of(MessageType.SMS, ConsentType.OPT_IN));
    }

    @ParameterizedTest
    @MethodSource("sameKinds")
    void sameOrMissingKindIsAccepted(MessageType messageType, ConsentType consentType) {
        SubscriptionType type = draft();

        assertThatCode(() -> type.requireSameKind(messageType, consentType)).doesNotThrowAnyException();
    }

    @Test
    void laterChangesKeepCreationTime() {
        SubscriptionType type = draft();

        type.putLive(LATER.instant());
        type.reword(EN, List.of(DEALS_EN), MUCH_LATER.instant());

        assertThat(type.createdAt()).isEqualTo(CREATION.instant());
        assertThat(type.updatedAt()).isEqualTo(MUCH_LATER.instant());
    }

    @Test
    void translationsAreUnmodifiable() {
        SubscriptionType type = draft();

        assertThat(type.translations()).isUnmodifiable();
    }

    @Test
    void doubleOptInTurnsOnForSmsOptIn() {
        SubscriptionType type = draft();

        boolean changed = type.setDoubleOptIn(true, LATER.instant());

        assertThat(changed).isTrue();
        assertThat(type.doubleOptIn()).isTrue();
        assertThat(type.updatedAt()).isEqualTo(LATER.instant());
        assertThat(type.setDoubleOptIn(true, MUCH_LATER.instant())).isFalse();
        assertThat(type.updatedAt()).isEqualTo(LATER.instant());
    }

    @Test
    void doubleOptInRejectedForEmailAndOptOutTypes() {
        SubscriptionType email = SubscriptionType.draft(MessageType.EMAIL, ConsentType.OPT_IN, EN, List.of(DEALS_EN),
                CREATION.instant());
        SubscriptionType optOut = SubscriptionType.draft(MessageType.SMS, ConsentType.OPT_OUT, EN, List.of(DEALS_EN),
                CREATION.instant());

        InvalidInputException emailError = catchThrowableOfType(InvalidInputException.class,
                () -> email.setDoubleOptIn(true, LATER.instant()));
        InvalidInputException optOutError = catchThrowableOfType(InvalidInputException.class,
                () -> optOut.setDoubleOptIn(true, LATER.instant()));

        assertThat(emailError.getMessage()).contains("email opt_in");
        assertThat(optOutError.getMessage()).contains("sms_message opt_out");
        assertThat(email.doubleOptIn()).isFalse();
        assertThat(optOut.setDoubleOptIn(false, LATER.instant())).isFalse();
    }
}
