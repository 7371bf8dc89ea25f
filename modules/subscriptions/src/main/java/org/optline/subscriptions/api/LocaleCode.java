package org.optline.subscriptions.api;

import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A locale of customer-facing text: an ISO 639-1 language, optionally with an ISO 3166-1 region,
 * written {@code fr} or {@code pt-BR}. Intercom uses the bare language; the region is an addition.
 */
public record LocaleCode(String value) implements Comparable<LocaleCode> {

    private static final Pattern SHAPE = Pattern.compile("^([A-Za-z]{2})(?:[-_]([A-Za-z]{2}))?$");
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

    public LocaleCode {
        if (value == null) {
            throw new IllegalArgumentException("value is null");
        }
    }

    /**
     * Parses a locale such as {@code en}, {@code EN}, {@code pt_br} or {@code pt-BR}.
     *
     * @throws InvalidInputException naming the value when it is no known language and region
     */
    public static LocaleCode parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new MissingInputException(field, field + " is missing. Use a language code such as en or pt-BR.");
        }
        Matcher matcher = SHAPE.matcher(raw.strip());
        if (!matcher.matches()) {
            throw new InvalidInputException(field, field + " '" + raw.strip()
                    + "' is not a locale. Use a two-letter language code such as en, optionally with a region: pt-BR.");
        }
        String language = matcher.group(1).toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw new InvalidInputException(field, field + " '" + raw.strip() + "': '" + language
                    + "' is not an ISO 639-1 language code. Use one such as en, fr or de.");
        }
        if (matcher.group(2) == null) {
            return new LocaleCode(language);
        }
        String region = matcher.group(2).toUpperCase(Locale.ROOT);
        if (!REGIONS.contains(region)) {
            throw new InvalidInputException(field, field + " '" + raw.strip() + "': '" + region
                    + "' is not an ISO 3166-1 country code. Use one such as US, GB or BR.");
        }
        return new LocaleCode(language + "-" + region);
    }

    /** Returns the language part: {@code pt} for {@code pt-BR}. */
    public String language() {
        int dash = value.indexOf('-');
        return dash < 0 ? value : value.substring(0, dash);
    }

    public Locale toLocale() {
        return Locale.forLanguageTag(value);
    }

    /** Returns the name of this locale in English, for admin pages: "Portuguese (Brazil)". */
    public String displayName() {
        return toLocale().getDisplayName(Locale.ENGLISH);
    }

    @Override
    public int compareTo(LocaleCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
