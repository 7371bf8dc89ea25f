/**
 * Contacts: the users and leads a business messages.
 *
 * <p>Requirements, each with its reason:
 * <ul>
 *   <li>Phone numbers are parsed with libphonenumber and stored in E.164, so that every spelling of a
 *       number ({@code +1 (201) 555-0142}, {@code 201.555.0142}, {@code 12015550142}) is the same number
 *       in the API, forms, bulk actions and inbound SMS. A number typed without a country code is read
 *       in the workspace's default country; an explicit {@code +}, {@code 00} or {@code 011} wins.</li>
 *   <li>Numbers that are recognisably landlines or otherwise cannot take texts are flagged, because
 *       SMS consent must not be recorded for them.</li>
 *   <li>External id and email are unique among contacts that are not deleted, as in Intercom; a
 *       duplicate is a conflict that names the existing contact.</li>
 *   <li>Deleting a contact keeps its row, because its consent records must be kept for years.</li>
 *   <li>Search takes Intercom's query language. Other modules add fields to it (subscription state)
 *       through {@link org.optline.contacts.api.SearchFieldProvider}, and filters to the contacts list
 *       page through {@link org.optline.contacts.api.ContactFilterOptions}, so this module does not
 *       depend on them.</li>
 *   <li>The contacts list's filter is read in one place, {@link org.optline.contacts.api.Contacts#listFilter},
 *       which bulk actions use too, so that a bulk action over every contact that matches the current
 *       filter changes exactly the contacts the list shows.</li>
 * </ul>
 *
 * <p>Out of scope: companies, tags, notes and merging contacts.
 */
package org.optline.contacts;
