package org.optline.optinform.control;

import org.optline.contacts.api.PhoneNumber;
import org.optline.platform.InvalidInputException;

import java.util.function.Function;

/**
 * Decides which number an SMS opt-in concerns: the contact's saved number when it can take texts,
 * which the form shows read-only, or else the number the customer typed. Pure, so that every case is
 * tested without a server.
 *
 * @param e164     the number to opt in, in E.164 form
 * @param newPhone whether the number must be stored on the contact first
 * @param parsed   the typed number as parsed, or null when the saved number is used
 */
public record PhoneEntry(String e164, boolean newPhone, PhoneNumber parsed) {

    /**
     * The most characters accepted in the phone field, the same as its {@code maxlength} attribute. E.164 numbers have
     * at most 15 digits, so 40 leaves room for spaces, brackets and dashes. Longer input is rejected
     * before parsing and is not shown back.
     */
    public static final int MAX_TYPED_LENGTH = 40;

    /**
     * Returns the number to opt in.
     *
     * @param savedPhone       the contact's number in E.164 form, or null
     * @param savedSmsCapable  whether the saved number can take texts
     * @param typed            what the customer typed, or null when the form had no phone field
     * @param parser           reads a typed number in the workspace's default country
     * @throws FormInputException when the typed text is longer than {@link #MAX_TYPED_LENGTH}, a number
     *                            is typed for a saved one, or the typed one is missing, invalid or cannot
     *                            take texts
     */
    public static PhoneEntry decide(String savedPhone, boolean savedSmsCapable, String typed,
                                    Function<String, PhoneNumber> parser) {
        if (typed != null && typed.length() > MAX_TYPED_LENGTH) {
            throw new FormInputException(FormProblem.PHONE_TOO_LONG, null, "The phone number has " + typed.length()
                    + " characters, more than the " + MAX_TYPED_LENGTH + " accepted. Enter only the number.");
        }
        boolean typedSomething = typed != null && !typed.isBlank();
        if (savedPhone != null && savedSmsCapable) {
            if (typedSomething) {
                throw new FormInputException(FormProblem.SAVED_NUMBER_READ_ONLY, typed,
                        "The contact's saved number cannot be changed in the form, so a typed number is rejected.");
            }
            return new PhoneEntry(savedPhone, false, null);
        }
        if (!typedSomething) {
            throw new FormInputException(FormProblem.MISSING_PHONE, typed, "The phone number is missing. Enter a mobile number.");
        }
        PhoneNumber number;
        try {
            number = parser.apply(typed);
        } catch (InvalidInputException e) {
            throw new FormInputException(FormProblem.INVALID_PHONE, typed, e.getMessage());
        }
        if (!number.smsCapable()) {
            throw new FormInputException(FormProblem.NOT_MOBILE, typed, "'" + typed.strip()
                    + "' is a " + number.lineType() + " number, which cannot take texts. Enter a mobile number.");
        }
        return new PhoneEntry(number.e164(), !number.e164().equals(savedPhone), number);
    }
}
