package org.optline.optinform.boundary;

import java.util.List;

/**
 * The composer of the opt-in form app.
 *
 * @param conversationIds the conversations the form is inserted into
 * @param types           the live subscription types an agent may choose
 */
public record ComposerModel(List<Long> conversationIds, List<TypeChoice> types, String defaultButton) {

    /** One choosable subscription type, such as "Weekly deals (SMS)". */
    public record TypeChoice(long id, String label) {
    }
}
