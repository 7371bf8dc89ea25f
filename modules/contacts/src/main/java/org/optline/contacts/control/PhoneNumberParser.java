package org.optline.contacts.control;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.optline.contacts.api.InvalidPhoneNumberException;
import org.optline.contacts.api.LineType;
import org.optline.contacts.api.PhoneNumber;
import org.optline.platform.InvalidInputException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed phone numbers with libphonenumber. A leading {@code +}, {@code 00} or {@code 011} marks
 * an international number and wins over the default country, unless the digits after {@code 00} or
 * {@code 011} make no valid international number (some countries' national numbers start with 011).
 */
public final class PhoneNumberParser {

    /** The longest input accepted; a formatted E.164 number with spaces and an extension fits. */
    static final int MAX_INPUT = 40;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Set<String> REGIONS = UTIL.getSupportedRegions();

    private PhoneNumberParser() {
    }

    /** Returns the regions libphonenumber has metadata for, such as {@code US} and {@code GB}, in alphabetical order. */
    public static List<String> supportedRegions() {
        return REGIONS.stream().sorted().toList();
    }

    /** Returns the country calling code of {@code region}, such as 1 for {@code US}, or 0 for an unknown region. */
    public static int callingCode(String region) {
        return UTIL.getCountryCodeForRegion(region);
    }

    /** Returns whether {@code region} is a region libphonenumber knows, such as {@code US} or {@code GB}. */
    public static boolean isSupportedRegion(String region) {
        return region != null && REGIONS.contains(region.toUpperCase(Locale.ROOT));
    }

    /**
     * Parses {@code input} as typed by a person or an API client.
     *
     * @throws InvalidPhoneNumberException naming the input when it is no valid number
     */
    public static PhoneNumber parse(String field, String input, String defaultCountry) {
        if (input == null || input.isBlank()) {
            throw new InvalidInputException(field, field + " is empty. Enter a phone number, such as +1 201 555 0142.");
        }
        String typed = input.strip();
        if (typed.length() > MAX_INPUT) {
            throw new InvalidInputException(field, field + " has " + typed.length() + " characters; a phone number has at most "
                    + MAX_INPUT + ".");
        }
        String compact = typed.replaceAll("[\\s().\\-/]", "");
        Optional<Phonenumber.PhoneNumber> parsed = Optional.empty();
        if (compact.startsWith("+")) {
            parsed = valid(compact, "ZZ");
        } else if (compact.startsWith("00") || compact.startsWith("011")) {
            String international = "+" + compact.substring(compact.startsWith("00") ? 2 : 3);
            parsed = valid(international, "ZZ").or(() -> valid(compact, defaultCountry));
        } else {
            parsed = valid(compact, defaultCountry);
        }
        Phonenumber.PhoneNumber number = parsed.orElseThrow(() -> new InvalidPhoneNumberException(field, typed, defaultCountry));
        return new PhoneNumber(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), lineType(number),
                UTIL.getRegionCodeForNumber(number));
    }

    /** Returns the number as people in its region write it internationally: {@code +1 201-555-0142}. */
    public static String formatted(String e164) {
        try {
            return UTIL.format(UTIL.parse(e164, "ZZ"), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    private static Optional<Phonenumber.PhoneNumber> valid(String text, String region) {
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(text, region);
            return UTIL.isValidNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static LineType lineType(Phonenumber.PhoneNumber number) {
        return switch (UTIL.getNumberType(number)) {
            case MOBILE -> LineType.MOBILE;
            case FIXED_LINE_OR_MOBILE -> LineType.FIXED_LINE_OR_MOBILE;
            case FIXED_LINE -> LineType.FIXED_LINE;
            case VOIP -> LineType.VOIP;
            case TOLL_FREE -> LineType.TOLL_FREE;
            case PERSONAL_NUMBER -> LineType.PERSONAL_NUMBER;
            case PREMIUM_RATE -> LineType.PREMIUM_RATE;
            case SHARED_COST -> LineType.SHARED_COST;
            case PAGER -> LineType.PAGER;
            case UAN -> LineType.UAN;
            case VOICEMAIL -> LineType.VOICEMAIL;
            case UNKNOWN -> LineType.UNKNOWN;
        };
    }
}
