package org.optline.contacts.boundary;

import org.optline.contacts.api.ContactFilterOptions.Filter;
import org.optline.contacts.api.ContactPage;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.control.ContactFilterForm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of the contacts list: the filter form with the filters other modules offer, and one page
 * of the matching contacts.
 *
 * @param shownBefore how many rows earlier pages already show above this one
 */
public record ContactListModel(ContactFilterForm form, List<Filter> filters, ContactPage page, int shownBefore) {

    /** The id of the form the row checkboxes belong to, through which bulk actions read the selection. */
    public static final String SELECTION_FORM = "contact-selection";

    public ContactListModel {
        filters = List.copyOf(filters);
    }

    public List<ContactView> contacts() {
        return page.contacts();
    }

    /** Returns how many rows the list shows once this page is added. */
    public int rowsShown() {
        return shownBefore + page.contacts().size();
    }

    public long total() {
        return page.totalCount();
    }

    /** Returns the offered filters grouped under their headings, in the order offered. */
    public Map<String, List<Filter>> filterGroups() {
        Map<String, List<Filter>> groups = new LinkedHashMap<>();
        for (Filter filter : filters) {
            groups.computeIfAbsent(filter.group(), group -> new ArrayList<>()).add(filter);
        }
        return groups;
    }

    /** Returns the address of the next rows, or null on the last page. */
    public String moreRowsUrl() {
        return page.nextCursor()
                .map(cursor -> "/admin/contacts/rows?" + withForm("after=" + cursor + "&shown=" + rowsShown()))
                .orElse(null);
    }

    /** Returns the address of the whole page for this form, which the browser shows while filtering. */
    public String pageUrl() {
        return "/admin/contacts" + (form.isEmpty() ? "" : "?" + form.queryString());
    }

    private String withForm(String parameters) {
        return form.isEmpty() ? parameters : form.queryString() + "&" + parameters;
    }
}
