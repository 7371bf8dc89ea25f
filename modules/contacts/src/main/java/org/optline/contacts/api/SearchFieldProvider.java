package org.optline.contacts.api;

/**
 * Adds search fields that other modules own, such as the subscription state of a contact. The
 * contacts module finds providers as CDI beans, so it does not depend on the modules that provide them.
 */
public interface SearchFieldProvider {

    /** Returns whether {@code field} belongs to this provider. */
    boolean provides(String field);

    /**
     * Returns the SQL for {@code condition}, whose field this provider owns.
     *
     * @throws org.optline.platform.InvalidInputException naming the field, operator or value it rejects
     */
    SqlCondition toSql(ContactQuery.Condition condition);
}
