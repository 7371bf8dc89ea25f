package org.optline.contacts.api;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.optline.contacts.control.ContactFields;
import org.optline.contacts.control.ContactFilterForm;
import org.optline.contacts.control.ContactRows;
import org.optline.contacts.control.Cursors;
import org.optline.contacts.control.PhoneNumberParser;
import org.optline.contacts.control.QueryParser;
import org.optline.contacts.control.QueryWriter;
import org.optline.contacts.control.SearchCompiler;
import org.optline.contacts.entity.Contact;
import org.optline.contacts.entity.ContactSettings;
import org.optline.platform.ConflictException;
import org.optline.platform.InvalidInputException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/** Creates, changes, deletes, finds and searches contacts. */
@ApplicationScoped
@Transactional
public class Contacts {

    private static final Logger LOG = Logger.getLogger(Contacts.class.getName());

    /** Intercom's page size limit. */
    public static final int MAX_PER_PAGE = 150;
    public static final int DEFAULT_PER_PAGE = 50;

    @PersistenceContext(unitName = "contacts")
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    Instance<SearchFieldProvider> searchFields;

    @Inject
    Instance<ContactFilterOptions> filterOptions;

    @Inject
    Instance<ContactCounter> counters;

    public ContactView create(ContactChanges changes, String actor) {
        Contact contact = new Contact(ContactRole.USER, clock.instant());
        ContactFields.apply(contact, changes, defaultCountry());
        requireUnique(contact, null);
        em.persist(contact);
        flush(contact, null);
        LOG.info(() -> "Contact " + contact.id() + " created as " + contact.role() + " by " + actor);
        return ContactRows.view(contact);
    }

    /**
     * Changes the present fields of a contact.
     *
     * @param expectedVersion the version the change is based on, or null to skip the check
     */
    public ContactView update(long id, ContactChanges changes, Long expectedVersion, String actor) {
        Contact contact = require(id);
        if (expectedVersion != null && expectedVersion != contact.version()) {
            throw new ConflictException("version", "Contact " + id + " was changed by someone else (your version "
                    + expectedVersion + ", now " + contact.version() + "). Nothing was saved; reload and retry.");
        }
        String previousPhone = contact.phone();
        ContactFields.apply(contact, changes, defaultCountry());
        requireUnique(contact, contact.id());
        contact.touch(clock.instant());
        flush(contact, id);
        // One line per update; a changed phone number is named in it, masked.
        String phoneChange = changes.has("phone") && !Objects.equals(previousPhone, contact.phone())
                ? ", phone changed from " + PhoneNumber.mask(previousPhone) + " to " + PhoneNumber.mask(contact.phone())
                : "";
        LOG.info(() -> "Contact " + id + " updated by " + actor + ", now version " + contact.version() + phoneChange);
        return ContactRows.view(contact);
    }

    /**
     * Gives a contact a new phone number with one SQL update, for busy paths that have just parsed it,
     * such as the opt-in form. The number must still be {@code expectedPhone} (null for none), the
     * number the caller based its decision on. Otherwise nothing changes. A contact that already has
     * {@code number}, as when the customer typed it in two forms at once, counts as changed. Either way
     * the contact's row stays locked until the transaction ends. Unlike {@link #update}, it does not
     * refresh entities, so a contact this transaction read earlier through this class keeps its older
     * number and version in memory.
     *
     * @throws ContactNotFoundException when the contact does not exist or was deleted
     * @throws ConflictException        when the contact's number is neither {@code expectedPhone} nor {@code number}
     */
    public void changePhone(long id, String expectedPhone, PhoneNumber number, String actor) {
        Objects.requireNonNull(number, "number");
        int changed;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE contact SET phone = ?, phone_type = ?, "
                     + "updated_at = ?, version = version + 1 WHERE id = ? AND deleted_at IS NULL AND phone <=> ?")) {
            update.setString(1, number.e164());
            update.setString(2, number.lineType().name());
            update.setTimestamp(3, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)));
            update.setLong(4, id);
            update.setString(5, expectedPhone);
            changed = update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Changing the phone number of contact " + id + " failed", e);
        }
        if (changed != 1) {
            if (!number.e164().equals(lockedPhone(id))) {
                throw phoneConflict(id);
            }
            LOG.fine(() -> "Contact " + id + " already had the number " + number.masked() + " that " + actor
                    + " set; nothing changed");
            return;
        }
        LOG.info(() -> "Contact " + id + " updated by " + actor + ", phone changed from "
                + (expectedPhone == null ? "none" : PhoneNumber.mask(expectedPhone))
                + " to " + number.masked());
    }

    /**
     * Locks a contact's row until the transaction ends and checks that its number is still
     * {@code expectedPhone} (null for none), for busy paths that decided on a number read before
     * their transaction, such as the opt-in form. The lock keeps the number for the rest of the
     * transaction, so a consent recorded later in it names the number the caller checked.
     *
     * @throws ContactNotFoundException when the contact does not exist or was deleted
     * @throws ConflictException        when the contact's number is no longer {@code expectedPhone}
     */
    public void lockPhone(long id, String expectedPhone) {
        if (!Objects.equals(expectedPhone, lockedPhone(id))) {
            throw phoneConflict(id);
        }
    }

    /** Reads a contact's number with a row lock held until the transaction ends. */
    private String lockedPhone(long id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT phone FROM contact WHERE id = ? AND deleted_at IS NULL FOR UPDATE")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new ContactNotFoundException(String.valueOf(id));
                }
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Locking contact " + id + " failed", e);
        }
    }

    private static ConflictException phoneConflict(long id) {
        return new ConflictException("phone", "The phone number of contact " + id + " was changed by someone else "
                + "at the same moment. Nothing was saved; reload and retry.");
    }

    /** Marks a contact deleted; it disappears from lists and searches, and its consent records stay. */
    public ContactView delete(long id, String actor) {
        Contact contact = require(id);
        contact.delete(clock.instant());
        // Flushed at once, so that find, which reads with SQL, no longer returns the contact in this transaction.
        flush(contact, id);
        LOG.info(() -> "Contact " + id + " deleted by " + actor);
        return ContactRows.view(contact);
    }

    /**
     * Returns a contact that exists and is not deleted. It is read with one SQL query on the transaction's
     * connection, because every API call, messenger request and form submission reads its contact, and an
     * entity find costs several times the CPU. Changes of this class are flushed before they return, so
     * the query sees them.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ContactView> find(long id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + ContactRows.COLUMNS + " FROM contact c WHERE c.id = ? AND c.deleted_at IS NULL")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(ContactRows.read(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading contact " + id + " failed", e);
        }
    }

    /** Returns those of the contacts {@code ids} that exist and are not deleted, by id, read in one query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, ContactView> findAll(Collection<Long> ids) {
        Map<Long, ContactView> found = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT c FROM Contact c WHERE c.id IN :ids AND c.deletedAt IS NULL", Contact.class)
                    .setParameter("ids", List.copyOf(ids))
                    .getResultStream().forEach(contact -> found.put(contact.id(), ContactRows.view(contact)));
        }
        return found;
    }

    /** Returns the contacts whose phone is {@code number}: several contacts may share one number. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContactView> findByPhone(PhoneNumber number) {
        return em.createQuery("SELECT c FROM Contact c WHERE c.phone = :phone AND c.deletedAt IS NULL ORDER BY c.id",
                        Contact.class)
                .setParameter("phone", number.e164())
                .getResultStream().map(ContactRows::view).toList();
    }

    /**
     * Returns the phone numbers of the contacts among {@code ids} that exist and are not deleted, in
     * one query, for rules that check many contacts at once.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, ContactPhone> phones(Collection<Long> ids) {
        Map<Long, ContactPhone> phones = new HashMap<>();
        if (ids.isEmpty()) {
            return phones;
        }
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT id, phone, phone_type FROM contact WHERE deleted_at IS NULL AND id IN (" + marks + ")")) {
            bind(statement, new ArrayList<>(ids));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    phones.put(id, new ContactPhone(id, rows.getString(2), ContactColumns.lineType(id, rows.getString(3))));
                }
            }
            return phones;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading contact phones failed: " + e.getMessage(), e);
        }
    }

    /** Reads a typed phone number in the workspace's default country. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PhoneNumber parsePhone(String field, String input) {
        return PhoneNumberParser.parse(field, input, defaultCountry());
    }

    /** Parses Intercom's search query JSON. */
    public static ContactQuery parseQuery(JsonValue json) {
        return QueryParser.parse(json);
    }

    /**
     * Writes {@code query} as Intercom's search query JSON, which {@link #parseQuery} reads back, or JSON
     * null for {@link ContactQuery.All}.
     */
    public static JsonValue writeQuery(ContactQuery query) {
        return QueryWriter.write(query);
    }

    /**
     * Returns {@code query} as an SQL condition over {@code contact c}, for modules that count or join
     * contacts in their own queries. The condition does not exclude deleted contacts.
     *
     * @throws org.optline.platform.InvalidInputException naming the field, operator or value it rejects
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SqlCondition compile(ContactQuery query) {
        return compiler().compile(query);
    }

    /** Counts the contacts that match {@code query} and are not deleted. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(ContactQuery query) {
        SqlCondition where = compiler().compile(query);
        Optional<Long> counted = counted(query);
        if (counted.isPresent()) {
            return counted.get();
        }
        try (Connection connection = dataSource.getConnection()) {
            return count(connection, " FROM contact c WHERE c.deleted_at IS NULL AND (" + where.sql() + ")", where.parameters());
        } catch (SQLException e) {
            throw new IllegalStateException("Counting contacts failed: " + e.getMessage(), e);
        }
    }

    /**
     * Returns one page of the contacts that match {@code query}, in id order.
     *
     * @param cursor where the page starts, from the previous page's {@link ContactPage#nextCursor()}, or null
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactPage search(ContactQuery query, String cursor, int perPage) {
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new InvalidInputException("per_page", "per_page " + perPage + " is out of range. Use 1 to " + MAX_PER_PAGE + ".");
        }
        long after = Cursors.lastId(cursor);
        int pageNumber = Cursors.page(cursor);
        SqlCondition where = compiler().compile(query);
        String filter = " FROM contact c WHERE c.deleted_at IS NULL AND (" + where.sql() + ")";
        try (Connection connection = dataSource.getConnection()) {
            Optional<Long> counted = counted(query);
            long total = counted.isPresent() ? counted.get() : count(connection, filter, where.parameters());
            List<ContactView> contacts = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + ContactRows.COLUMNS + filter + " AND c.id > ? ORDER BY c.id LIMIT ?")) {
                int index = bind(statement, where.parameters());
                statement.setLong(index++, after);
                statement.setInt(index, perPage + 1);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        contacts.add(ContactRows.read(rows));
                    }
                }
            }
            boolean more = contacts.size() > perPage;
            List<ContactView> page = more ? contacts.subList(0, perPage) : contacts;
            Optional<String> next = more ? Optional.of(Cursors.after(page.getLast().id(), pageNumber + 1)) : Optional.empty();
            return new ContactPage(page, total, next, perPage, pageNumber);
        } catch (SQLException e) {
            throw new IllegalStateException("Contact search failed: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the ids of every contact that matches {@code query}, in id order, for bulk actions.
     *
     * @param limit the most ids returned; a larger match is an error so that nothing is cut silently
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Long> idsMatching(ContactQuery query, int limit) {
        SqlCondition where = compiler().compile(query);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT c.id FROM contact c WHERE c.deleted_at IS NULL AND (" + where.sql() + ") ORDER BY c.id LIMIT ?")) {
            int index = bind(statement, where.parameters());
            statement.setInt(index, limit + 1);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            if (ids.size() > limit) {
                throw new InvalidInputException("query", "More than " + limit + " contacts match. Narrow the filter.");
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Contact search failed: " + e.getMessage(), e);
        }
    }

    /** Returns the filters that the contacts list offers now, from every {@link ContactFilterOptions} bean. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ContactFilterOptions.Filter> listFilters() {
        return filterOptions.stream().flatMap(options -> options.filters().stream()).toList();
    }

    /**
     * Reads the contacts list's filter from query or form parameters, exactly as the list reads it, so
     * that "every contact that matches the current filter" is the set the list shows: the same
     * search-text and phone matching, the same role and subscription filters. Other parameters are
     * ignored, and so are filters the list no longer offers, such as one of an archived type.
     *
     * @throws org.optline.platform.InvalidInputException naming the parameter whose value is too long,
     *                                                    an unknown role or not a choice of its filter
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactListFilter listFilter(Map<String, List<String>> parameters) {
        ContactFilterForm form = ContactFilterForm.parse(parameters, listFilters());
        return new ContactListFilter(form.parameters(), form.query(defaultCountry()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String defaultCountry() {
        // One SQL query: every typed number is read in this country, and an entity find costs several times the CPU.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT default_country FROM contact_settings WHERE id = ?")) {
            select.setInt(1, ContactSettings.ID);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("The contact settings row is missing; run the database migrations");
                }
                return row.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the default country failed", e);
        }
    }

    /** Sets the region that phone numbers without a country code are read in. Stored numbers stay as they are. */
    public void changeDefaultCountry(String country, String actor) {
        String region = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumberParser.isSupportedRegion(region)) {
            throw new InvalidInputException("default_country", "'" + country + "' is not a country code that phone "
                    + "numbers can be read in. Use a two-letter ISO 3166-1 code such as US, GB or FR.");
        }
        ContactSettings settings = em.find(ContactSettings.class, ContactSettings.ID);
        String previous = settings.defaultCountry();
        settings.changeDefaultCountry(region, clock.instant());
        // Written at once, so that defaultCountry, which reads with SQL, returns the new one in this transaction.
        em.flush();
        LOG.info(() -> "Default country changed from " + previous + " to " + region + " by " + actor);
    }

    private SearchCompiler compiler() {
        return new SearchCompiler(searchFields.stream().toList(), defaultCountry());
    }

    private Contact require(long id) {
        Contact contact = em.find(Contact.class, id);
        if (contact == null || contact.isDeleted()) {
            throw new ContactNotFoundException(String.valueOf(id));
        }
        return contact;
    }

    private void requireUnique(Contact contact, Long self) {
        if (contact.email() != null) {
            existing("SELECT c.id FROM Contact c WHERE c.email = :value AND c.deletedAt IS NULL", contact.email(), self)
                    .ifPresent(id -> {
                        throw new DuplicateContactException("email", id);
                    });
        }
        if (contact.externalId() != null) {
            existing("SELECT c.id FROM Contact c WHERE c.externalId = :value AND c.deletedAt IS NULL", contact.externalId(), self)
                    .ifPresent(id -> {
                        throw new DuplicateContactException("external_id", id);
                    });
        }
    }

    /**
     * Returns the id of another contact whose column in {@code query} has {@code value}. The query does not
     * flush, because flushing the pending change first would hit the unique index before this check
     * could name the existing contact, and would write the contact twice.
     */
    private Optional<Long> existing(String query, String value, Long self) {
        return em.createQuery(query, Long.class).setParameter("value", value)
                .setFlushMode(FlushModeType.COMMIT)
                .getResultStream()
                .filter(id -> !id.equals(self))
                .findFirst();
    }

    /** Writes now, so that a unique index or version conflict from a concurrent request surfaces here. */
    private void flush(Contact contact, Long id) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException("version", "Contact " + id + " was changed by someone else at the same moment. "
                    + "Nothing was saved; reload and retry.");
        } catch (PersistenceException e) {
            throw new ConflictException("A contact with the same email or external id was created at the same moment. "
                    + "Nothing was saved; search for it and update it instead.");
        }
    }

    /** Returns the count of a {@link ContactCounter} that can count {@code query}, or empty when none can. */
    private Optional<Long> counted(ContactQuery query) {
        for (ContactCounter counter : counters) {
            Optional<Long> count = counter.count(query);
            if (count.isPresent()) {
                return count;
            }
        }
        return Optional.empty();
    }

    private static long count(Connection connection, String filter, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*)" + filter)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static int bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        int index = 1;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }
}
