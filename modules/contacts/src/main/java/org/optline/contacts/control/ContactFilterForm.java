package org.optline.contacts.control;

import org.optline.contacts.api.ContactFilterOptions.Filter;
import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.ContactQuery.Condition;
import org.optline.contacts.api.ContactQuery.Operator;
import org.optline.contacts.api.ContactRole;
import org.optline.platform.InvalidInputException;
import org.optline.platform.Texts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The contacts list's search box and filters, as the query string sends them, and the
 * {@link ContactQuery} they stand for: the same query language as the API's search. The list and the
 * bulk actions both read the filter through this class, so a bulk job over "every contact that
 * matches the current filter" changes exactly the contacts the list shows.
 *
 * @param search  the text of the search box, trimmed, or empty
 * @param role    the chosen role, or null for users and leads alike
 * @param choices the chosen value per filter field, for offered filters only, in the order offered
 */
public record ContactFilterForm(String search, ContactRole role, Map<String, String> choices) {

    public static final String SEARCH = "q";
    public static final String ROLE = "role";
    public static final int MAX_SEARCH = 255;

    /** Text made only of these characters may be a phone number, such as "(201) 555-0142". */
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("[0-9+().\\-/\\s]+");

    public ContactFilterForm {
        choices = Collections.unmodifiableMap(new LinkedHashMap<>(choices));
    }

    /**
     * Reads the form from query parameters. Parameters of filters that are not offered, such as a
     * subscription type archived since the link was made, are ignored.
     *
     * @throws InvalidInputException naming the parameter whose value is too long or not a choice
     */
    public static ContactFilterForm parse(Map<String, List<String>> parameters, List<Filter> offered) {
        String search = Texts.optional("Search", first(parameters, SEARCH), MAX_SEARCH);
        String roleText = first(parameters, ROLE);
        ContactRole role = roleText == null || roleText.isBlank() ? null : ContactRole.parse(ROLE, roleText);
        Map<String, String> choices = new LinkedHashMap<>();
        for (Filter filter : offered) {
            String value = first(parameters, filter.field());
            if (value == null || value.isBlank()) {
                continue;
            }
            String chosen = value.strip();
            if (!filter.offers(chosen)) {
                List<String> allowed = filter.choices().stream().map(choice -> choice.value()).toList();
                throw new InvalidInputException(filter.field(), "'" + chosen + "' is not a choice of the filter "
                        + filter.label() + ". Use one of " + String.join(", ", allowed) + ", or leave it empty.");
            }
            choices.put(filter.field(), chosen);
        }
        return new ContactFilterForm(search, role, choices);
    }

    /**
     * Returns the search this form stands for: every chosen filter must match, and the search text
     * must be part of the name, email, external id or phone number.
     *
     * @param defaultCountry the region a search text without a country code is read in as a phone number
     */
    public ContactQuery query(String defaultCountry) {
        List<ContactQuery> parts = new ArrayList<>();
        if (!search.isEmpty()) {
            parts.add(searchText(defaultCountry));
        }
        if (role != null) {
            parts.add(new Condition("role", Operator.EQUALS, role.apiName()));
        }
        choices.forEach((field, value) -> parts.add(new Condition(field, Operator.EQUALS, value)));
        if (parts.isEmpty()) {
            return new ContactQuery.All();
        }
        return parts.size() == 1 ? parts.getFirst() : new ContactQuery.Group(true, parts);
    }

    /**
     * Matches the search text inside the name, email and external id. Text that looks like a phone
     * number also matches by its digits, and when it is a valid number in the default country, by the
     * whole number, so that "(201) 555-0142" and "020 7946 0958" find what is stored as E.164.
     */
    private ContactQuery searchText(String defaultCountry) {
        List<ContactQuery> alternatives = new ArrayList<>(List.of(
                new Condition("name", Operator.CONTAINS, search),
                new Condition("email", Operator.CONTAINS, search),
                new Condition("external_id", Operator.CONTAINS, search)));
        if (PHONE_CHARACTERS.matcher(search).matches() && search.chars().anyMatch(Character::isDigit)) {
            alternatives.add(new Condition("phone", Operator.CONTAINS, search));
            try {
                String e164 = PhoneNumberParser.parse(SEARCH, search, defaultCountry).e164();
                alternatives.add(new Condition("phone", Operator.EQUALS, e164));
            } catch (InvalidInputException notAWholeNumber) {
                // Only part of a number, such as its last four digits: the digit match above covers it.
            }
        }
        return new ContactQuery.Group(false, alternatives);
    }

    /** Returns whether no filter is chosen and the search box is empty. */
    public boolean isEmpty() {
        return search.isEmpty() && role == null && choices.isEmpty();
    }

    /** Returns the value chosen for {@code field}, or an empty string. */
    public String choice(String field) {
        return choices.getOrDefault(field, "");
    }

    /**
     * Returns the query parameters of the filters in use, in form order, such as {@code q=ana} and
     * {@code subscription_type.7=opted_in}. Parsing them again gives an equal form.
     */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (!search.isEmpty()) {
            parameters.put(SEARCH, search);
        }
        if (role != null) {
            parameters.put(ROLE, role.apiName());
        }
        parameters.putAll(choices);
        return Collections.unmodifiableMap(parameters);
    }

    /** Returns the form as URL-encoded query parameters without the leading {@code ?}, such as {@code q=ana&role=lead}. */
    public String queryString() {
        List<String> pairs = new ArrayList<>();
        parameters().forEach((name, value) -> pairs.add(pair(name, value)));
        return String.join("&", pairs);
    }

    private static String pair(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
