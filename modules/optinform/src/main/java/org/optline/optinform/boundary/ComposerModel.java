package org.optline.optinform.boundary;

import java.util.List;

/**
 * The composer of the opt-in form app.
 *
 * @param conversationIds the conversations the form is inserted into
 * @param types           the live subscription types an agent may choose
 * @param defaultButton   the English button text that customers read, translated, when the agent leaves it empty
 * @param insertKey       a random key for this composer's insert, so that a repeated insert adds no second form
 */
public record ComposerModel(List<Long> conversationIds, List<TypeChoice> types, String defaultButton,
                            String insertKey) {

    /** One choosable subscription type, such as "Weekly deals (SMS)". */
    public record TypeChoice(long id, String label) {
    }
}
