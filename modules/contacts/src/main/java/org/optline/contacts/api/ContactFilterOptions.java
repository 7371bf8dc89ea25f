package org.optline.contacts.api;

import java.util.List;
import java.util.Objects;

/**
 * Adds filters that other modules own to the contacts list page, such as a contact's opt-in state per
 * subscription type. Each filter is a search field of a {@link SearchFieldProvider} of the same module,
 * so a chosen value becomes the condition {@code field = value} of a {@link ContactQuery}. The contacts
 * module finds providers as CDI beans, so it does not depend on the modules that provide them.
 */
public interface ContactFilterOptions {

    /** Returns the filters to offer now, in the order the page shows them. */
    List<Filter> filters();

    /**
     * One filter of the contacts list.
     *
     * @param group   the heading the page shows above filters of the same kind, such as "Subscription opt-ins"
     * @param field   the search field, such as {@code subscription_type.7}; also the form field's name
     * @param label   what the page calls the filter, such as "Weekly deals (SMS, opt-in)"
     * @param choices the values to choose from; none chosen means the filter is off
     */
    record Filter(String group, String field, String label, List<Choice> choices) {

        public Filter {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(label, "label");
            choices = List.copyOf(choices);
        }

        /** Returns whether {@code value} is one of the choices. */
        public boolean offers(String value) {
            return choices.stream().anyMatch(choice -> choice.value().equals(value));
        }
    }

    /**
     * One value of a filter.
     *
     * @param value the value compared with the field, such as {@code opted_in}
     * @param label what the page calls it, such as "Opted in"
     */
    record Choice(String value, String label) {

        public Choice {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
        }
    }
}
