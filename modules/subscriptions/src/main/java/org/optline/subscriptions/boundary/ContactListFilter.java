package org.optline.subscriptions.boundary;

import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.ContactQuery.Condition;
import org.optline.contacts.api.ContactQuery.Operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The filter of the contacts list, read from its query parameters, so that "all contacts that match
 * the current filter" means the same contacts the list shows:
 * <ul>
 *   <li>{@code q}: text contained in the name, email or external id, or a phone number's digits;</li>
 *   <li>{@code role}: {@code user} or {@code lead};</li>
 *   <li>{@code sub_<type id>}: {@code opted_in}, {@code opted_out} or {@code not_set} for that type.</li>
 * </ul>
 * Blank values and {@code any} mean no condition; other parameters (paging, sorting) are ignored.
 *
 * <p>NOTE: these parameter names and the meaning of {@code q} must match the contacts list page; they are
 * written here from its planned interface and need checking against the page once it exists.
 *
 * @param fields the recognized parameters with their values, to carry into the forms of the bulk actions
 */
public record ContactListFilter(List<Field> fields, ContactQuery query) {

    /** One query parameter of the filter. */
    public record Field(String name, String value) {
    }

    static final String TEXT = "q";
    static final String ROLE = "role";
    static final String SUBSCRIPTION_PREFIX = "sub_";

    /** Text that may be (part of) a phone number: digits with the usual punctuation only. */
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[+0-9 ().\\-]+");

    public ContactListFilter {
        fields = List.copyOf(fields);
    }

    /** Reads the filter from the list page's query parameters or a form that carries them. */
    public static ContactListFilter of(Map<String, List<String>> parameters) {
        List<Field> fields = new ArrayList<>();
        List<ContactQuery> parts = new ArrayList<>();
        String text = first(parameters, TEXT);
        if (!text.isEmpty()) {
            fields.add(new Field(TEXT, text));
            parts.add(textCondition(text));
        }
        String role = first(parameters, ROLE);
        if (!role.isEmpty()) {
            fields.add(new Field(ROLE, role));
            parts.add(new Condition("role", Operator.EQUALS, role.toLowerCase(Locale.ROOT)));
        }
        parameters.keySet().stream()
                .filter(name -> name.startsWith(SUBSCRIPTION_PREFIX))
                .sorted()
                .forEach(name -> {
                    String state = first(parameters, name);
                    if (!state.isEmpty()) {
                        fields.add(new Field(name, state));
                        parts.add(new Condition("subscription_type." + name.substring(SUBSCRIPTION_PREFIX.length()),
                                Operator.EQUALS, state));
                    }
                });
        ContactQuery query = switch (parts.size()) {
            case 0 -> new ContactQuery.All();
            case 1 -> parts.getFirst();
            default -> new ContactQuery.Group(true, parts);
        };
        return new ContactListFilter(fields, query);
    }

    private static ContactQuery textCondition(String text) {
        List<ContactQuery> any = new ArrayList<>(List.of(
                new Condition("name", Operator.CONTAINS, text),
                new Condition("email", Operator.CONTAINS, text),
                new Condition("external_id", Operator.CONTAINS, text)));
        if (PHONE_CHARACTERS.matcher(text).matches() && text.replaceAll("[^0-9]", "").length() >= 3) {
            any.add(new Condition("phone", Operator.CONTAINS, text));
        }
        return new ContactQuery.Group(false, any);
    }

    /** Returns the stripped first value, or an empty string for a missing, blank or {@code any} value. */
    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty() || values.getFirst() == null) {
            return "";
        }
        String value = values.getFirst().strip();
        return value.equalsIgnoreCase("any") ? "" : value;
    }
}
