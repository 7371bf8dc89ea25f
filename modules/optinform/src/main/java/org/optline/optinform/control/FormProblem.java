package org.optline.optinform.control;

/** What is wrong with a customer's submission, each shown to the customer in their language. */
public enum FormProblem {
    /** An SMS form was sent without a number and the contact has none that takes texts. */
    MISSING_PHONE,
    /** The typed text is longer than any phone number is written; it is not shown back. */
    PHONE_TOO_LONG,
    /** The typed text is no valid phone number, neither international nor in the default country. */
    INVALID_PHONE,
    /** The typed number is valid but cannot take texts, such as a landline. */
    NOT_MOBILE,
    /** A number was sent for a contact whose saved number the form shows read-only. */
    SAVED_NUMBER_READ_ONLY,
    /** The subscription type is no longer live, or the consent record refused the opt-in. */
    NOT_AVAILABLE
}
