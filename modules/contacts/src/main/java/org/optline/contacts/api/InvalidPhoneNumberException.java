package org.optline.contacts.api;

import org.optline.platform.InvalidInputException;

/** Text that is not a valid phone number, neither as typed nor in the default country. */
public class InvalidPhoneNumberException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    public InvalidPhoneNumberException(String field, String input, String defaultCountry) {
        super(field, "'" + input + "' is not a valid phone number. Numbers without a country code are read as "
                + defaultCountry + " numbers; for another country start with + and the country code, "
                + "such as +44 20 7946 0958.");
    }
}
