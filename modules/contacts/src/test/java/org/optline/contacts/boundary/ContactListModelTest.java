package org.optline.contacts.boundary;

import org.junit.jupiter.api.Test;
import org.optline.contacts.api.ContactFilterOptions.Choice;
import org.optline.contacts.api.ContactFilterOptions.Filter;
import org.optline.contacts.api.ContactPage;
import org.optline.contacts.api.ContactRole;
import org.optline.contacts.control.ContactFilterForm;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ContactListModelTest {

    private static final List<Choice> STATES = List.of(new Choice("opted_in", "Opted in"));
    private static final Filter DEALS = new Filter("Subscription opt-ins", "subscription_type.7", "Deals", STATES);
    private static final Filter VIP = new Filter("Segments", "segment.2", "VIP", STATES);
    private static final Filter NEWS = new Filter("Subscription opt-ins", "subscription_type.9", "News", STATES);

    private static ContactListModel model(ContactFilterForm form, Optional<String> next, int shownBefore) {
        return new ContactListModel(form, List.of(DEALS, VIP, NEWS), new ContactPage(List.of(), 120, next, 50, 1), shownBefore);
    }

    @Test
    void moreRowsUrlCarriesFormCursorAndCount() {
        ContactFilterForm form = new ContactFilterForm("ana", ContactRole.LEAD, Map.of());

        String url = model(form, Optional.of("YWZ0ZXI6NTA"), 50).moreRowsUrl();

        assertThat(url).isEqualTo("/admin/contacts/rows?q=ana&role=lead&after=YWZ0ZXI6NTA&shown=50");
    }

    @Test
    void lastPageHasNoMoreRows() {
        assertThat(model(new ContactFilterForm("", null, Map.of()), Optional.empty(), 100).moreRowsUrl()).isNull();
    }

    @Test
    void pageUrlOmitsEmptyForm() {
        assertThat(model(new ContactFilterForm("", null, Map.of()), Optional.empty(), 0).pageUrl()).isEqualTo("/admin/contacts");
    }

    @Test
    void filtersAreGroupedInOfferedOrder() {
        Map<String, List<Filter>> groups = model(new ContactFilterForm("", null, Map.of()), Optional.empty(), 0).filterGroups();

        assertThat(groups.keySet()).containsExactly("Subscription opt-ins", "Segments");
        assertThat(groups.get("Subscription opt-ins")).containsExactly(DEALS, NEWS);
    }
}
