package org.optline.helpdesk.control.messenger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.optline.contacts.api.ContactChanges;
import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
import org.optline.contacts.api.DuplicateContactException;
import org.optline.platform.InvalidInputException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/** Finds or creates the contact behind a messenger session: a lead for an anonymous visitor, or a user. */
@ApplicationScoped
public class MessengerVisitors {

    private static final Logger LOG = Logger.getLogger(MessengerVisitors.class.getName());
    private static final String ACTOR = "messenger";
    /** Contacts whose value equals an identity under the collation; more than this is rejected as unmatched. */
    private static final int MAX_CANDIDATES = 20;

    /** Visitor ids are made by the widget script: 16 to 64 letters, digits, dashes or underscores. */
    private static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    Contacts contacts;

    @Inject
    Clock clock;

    /** Checks that {@code visitorId} has the form the widget script makes. */
    public static String requireVisitorId(String visitorId) {
        if (visitorId == null || !VISITOR_ID.matcher(visitorId).matches()) {
            throw new InvalidInputException("visitor_id", "visitor_id '" + (visitorId == null ? "" : visitorId)
                    + "' is invalid. Send 16 to 64 letters, digits, dashes or underscores, as optline.js makes it.");
        }
        return visitorId;
    }

    /** Returns the lead of the anonymous visitor {@code visitorId} when one exists and is not deleted. */
    public Optional<ContactView> existingLead(String visitorId) {
        return contactOfVisitor(requireVisitorId(visitorId)).flatMap(contacts::find);
    }

    /**
     * Returns the lead of the anonymous visitor {@code visitorId}, creating it with {@code locale} as its
     * language when the visitor has none yet or their lead was deleted. The messenger calls this only
     * when the visitor first writes, so that opening the widget creates no contact.
     */
    public ContactView leadOf(String visitorId, String locale) {
        requireVisitorId(visitorId);
        Optional<Long> mapped = contactOfVisitor(visitorId);
        Optional<ContactView> known = mapped.flatMap(contacts::find);
        if (known.isPresent()) {
            return known.get();
        }
        ContactView lead = contacts.create(new ContactChanges().with("role", "lead").with("locale", locale), ACTOR);
        boolean stored;
        try {
            stored = mapped.isPresent() ? replace(visitorId, mapped.get(), lead.id()) : remember(visitorId, lead.id());
        } catch (SQLException e) {
            throw new IllegalStateException("Storing the messenger visitor of contact " + lead.id() + " failed", e);
        }
        if (stored) {
            LOG.info(() -> "Messenger visitor became lead contact " + lead.id()
                    + mapped.map(deleted -> ", replacing deleted contact " + deleted).orElse(""));
            return lead;
        }
        // Another request of the same visitor stored its lead first: that one is kept.
        // NOTE: the lead created here stays behind without a visitor; it has no conversation yet.
        LOG.info(() -> "Messenger visitor already had a lead; contact " + lead.id() + " is unused");
        return contactOfVisitor(visitorId).flatMap(contacts::find).orElse(lead);
    }

    /**
     * Returns the user whose external id is exactly {@code externalId}, or when that is null whose email
     * is {@code email} in lower case (the contacts module stores emails in lower case), creating the user
     * when none exists. The caller has checked the identity hash of that one value; no other field is
     * stored or matched, because the hash covers no other.
     *
     * @throws UnmatchedIdentityException when another contact has the value in a spelling the
     *                                    database's collation treats as equal, such as another case
     */
    public ContactView user(String externalId, String email, String locale) {
        String field = externalId != null ? "external_id" : "email";
        String value = externalId != null ? externalId : email.toLowerCase(Locale.ROOT);
        // The search compares with the database's case- and accent-insensitive collation, but the hash
        // covers exact bytes, so only an exactly equal value counts as a match.
        List<ContactView> candidates = contacts.search(
                new ContactQuery.Condition(field, ContactQuery.Operator.EQUALS, value), null, MAX_CANDIDATES).contacts();
        Optional<ContactView> exact = candidates.stream()
                .filter(candidate -> value.equals(externalId != null ? candidate.externalId() : candidate.email()))
                .findFirst();
        if (exact.isPresent()) {
            return exact.get();
        }
        ContactView user;
        try {
            user = contacts.create(new ContactChanges().with("role", "user").with(field, value).with("locale", locale),
                    ACTOR);
        } catch (DuplicateContactException e) {
            LOG.fine(() -> "Messenger identity matches contact " + e.existingId() + " only by collation; rejected");
            throw new UnmatchedIdentityException(externalId != null ? "user_id" : "email");
        }
        LOG.info(() -> "Messenger identified a new user, contact " + user.id());
        return user;
    }

    private Optional<Long> contactOfVisitor(String visitorId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT contact_id FROM messenger_visitor WHERE visitor_id = ?")) {
            select.setString(1, visitorId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a messenger visitor failed", e);
        }
    }

    /** Stores the visitor's first lead and returns true, or false when another request stored one first. */
    private boolean remember(String visitorId, long contactId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO messenger_visitor (visitor_id, contact_id, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, visitorId);
            insert.setLong(2, contactId);
            insert.setTimestamp(3, Timestamp.from(clock.instant()));
            insert.executeUpdate();
            return true;
        } catch (SQLIntegrityConstraintViolationException e) {
            return false;
        }
    }

    /**
     * Points the visitor from the deleted contact {@code previous} to {@code contactId} and returns true,
     * or false when another request replaced it first.
     */
    private boolean replace(String visitorId, long previous, long contactId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE messenger_visitor SET contact_id = ?, "
                     + "created_at = ? WHERE visitor_id = ? AND contact_id = ?")) {
            update.setLong(1, contactId);
            update.setTimestamp(2, Timestamp.from(clock.instant()));
            update.setString(3, visitorId);
            update.setLong(4, previous);
            return update.executeUpdate() == 1;
        }
    }
}
