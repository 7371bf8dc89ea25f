package org.optline.optinform.boundary;

/**
 * What the customer sees of an opt-in form: the form to fill in, or the confirmation once submitted.
 *
 * @param action         the path the form posts to, or null in the agent's preview, where it cannot be sent
 * @param idempotencyKey the key every retry of this rendering sends, so that it records one event
 * @param sms            whether the form asks for a phone number
 * @param savedPhone     the contact's saved number with most digits hidden, shown read-only, or null
 * @param typedPhone     what the customer typed, shown back after an error, or null
 * @param error          the problem to announce next to the phone field, or null
 * @param confirmation   the confirmation text once the form was submitted, or null while it waits
 */
public record CustomerFormModel(long formId, String language, String title, String button, String legalHtml,
                                String action, String idempotencyKey, boolean sms, String savedPhone,
                                String typedPhone, String error, String confirmation, String phoneLabel,
                                String phoneHelp, String savedLabel, String savedHelp) {

    /** Returns the id of the phone field, unique per form so that two forms in one conversation do not clash. */
    public String phoneId() {
        return "optin-" + formId + "-phone";
    }

    public String errorId() {
        return "optin-" + formId + "-error";
    }

    public String helpId() {
        return "optin-" + formId + "-help";
    }

    public String titleId() {
        return "optin-" + formId + "-title";
    }

    /** Returns the ids that describe the phone field: its help, and the error when there is one. */
    public String phoneDescribedBy() {
        return error == null ? helpId() : errorId() + " " + helpId();
    }
}
