package org.optline.helpdesk.control.messenger;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.optline.contacts.api.ContactChanges;
import org.optline.contacts.api.ContactQuery;
import org.optline.contacts.api.ContactView;
import org.optline.contacts.api.Contacts;
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
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/** Finds or creates the contact behind a messenger session: a lead for an anonymous visitor, or a user. */
@ApplicationScoped
public class MessengerVisitors {

    private static final Logger LOG = Logger.getLogger(MessengerVisitors.class.getName());
    private static final String ACTOR = "messenger";

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

    /**
     * Returns the lead of the anonymous visitor {@code visitorId}, creating it on the first visit with
     * {@code locale} as its language.
     */
    public ContactView leadOf(String visitorId, String locale) {
        requireVisitorId(visitorId);
        Optional<ContactView> known = contactOfVisitor(visitorId).flatMap(contacts::find);
        if (known.isPresent()) {
            return known.get();
        }
        ContactView lead = contacts.create(new ContactChanges().with("role", "lead").with("locale", locale), ACTOR);
        try {
            remember(visitorId, lead.id());
        } catch (SQLIntegrityConstraintViolationException e) {
            // Another request of the same visitor created its lead first: that one is kept.
            // NOTE: the lead created here stays behind without a visitor; it has no conversation yet.
            LOG.info(() -> "Messenger visitor already had a lead; contact " + lead.id() + " is unused");
            return contactOfVisitor(visitorId).flatMap(contacts::find).orElse(lead);
        } catch (SQLException e) {
            throw new IllegalStateException("Storing the messenger visitor of contact " + lead.id() + " failed", e);
        }
        LOG.info(() -> "Messenger visitor became lead contact " + lead.id());
        return lead;
    }

    /**
     * Returns the user whose external id is {@code externalId}, or when that is null whose email is
     * {@code email}, creating the user when none exists. The caller has checked the identity hash.
     */
    public ContactView user(String externalId, String email, String locale) {
        String field = externalId != null ? "external_id" : "email";
        String value = externalId != null ? externalId : email;
        List<ContactView> found = contacts.search(new ContactQuery.Condition(field, ContactQuery.Operator.EQUALS, value),
                null, 1).contacts();
        if (!found.isEmpty()) {
            return found.getFirst();
        }
        ContactChanges changes = new ContactChanges().with("role", "user").with(field, value).with("locale", locale);
        if (externalId != null && email != null) {
            changes.with("email", email);
        }
        ContactView user = contacts.create(changes, ACTOR);
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

    private void remember(String visitorId, long contactId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO messenger_visitor (visitor_id, contact_id, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, visitorId);
            insert.setLong(2, contactId);
            insert.setTimestamp(3, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        }
    }
}
