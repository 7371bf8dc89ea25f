package org.optline.it.preferences;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.optline.contacts.api.ContactChanges;
import org.optline.contacts.api.Contacts;
import org.optline.it.support.OptlineDeployment;
import org.optline.subscriptions.api.PreferenceLinks;
import org.optline.subscriptions.control.ExpiredLinkDeletion;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link PreferenceLinks} inside Payara against MariaDB: links it creates open their own contact only.
 * AssertJ is not in the deployed WAR, so these tests use JUnit's assertions.
 */
@ExtendWith(ArquillianExtension.class)
class PreferenceLinksIT {

    @Deployment
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar().addClass(PreferenceLinksIT.class);
    }

    @Inject
    PreferenceLinks links;

    @Inject
    Contacts contacts;

    @Inject
    ExpiredLinkDeletion deletion;

    @Resource
    ManagedExecutorService executor;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Test
    void pathOpensItsContact() {
        long contact = contact();

        String path = links.pathFor(contact);

        assertTrue(path.matches("/p/[A-Za-z0-9_-]{22}"), path);
        assertEquals(Optional.of(contact), links.contactOf(path.substring(3)));
    }

    @Test
    void everyCallMakesNewToken() {
        long contact = contact();

        String first = links.pathFor(contact);
        String second = links.pathFor(contact);

        assertNotEquals(first, second);
        assertEquals(Optional.of(contact), links.contactOf(first.substring(3)));
        assertEquals(Optional.of(contact), links.contactOf(second.substring(3)));
    }

    @Test
    void batchGivesEachContactOwnLink() {
        long alice = contact();
        long bob = contact();

        Map<Long, String> paths = links.pathsFor(List.of(alice, bob));

        assertEquals(Optional.of(alice), links.contactOf(paths.get(alice).substring(3)));
        assertEquals(Optional.of(bob), links.contactOf(paths.get(bob).substring(3)));
    }

    @Test
    void unknownOrAlteredTokenOpensNothing() {
        String path = links.pathFor(contact());
        String token = path.substring(3);
        String altered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        assertEquals(Optional.empty(), links.contactOf(altered));
        assertEquals(Optional.empty(), links.contactOf(""));
        assertEquals(Optional.empty(), links.contactOf(UUID.randomUUID().toString()));
    }

    @Test
    void deletionKeepsLinksExpiredUnder30Days() throws SQLException {
        long contact = contact();
        Instant now = Instant.now();
        byte[] longExpired = insertLinks(contact, now.minus(Duration.ofDays(31)), 1).getFirst();
        byte[] recentlyExpired = insertLinks(contact, now.minus(Duration.ofDays(29)), 1).getFirst();
        String valid = links.pathFor(contact);

        long deleted = deletion.deleteExpired();

        assertTrue(deleted >= 1, "deleted " + deleted);
        assertFalse(linkExists(longExpired), "link expired 31 days ago");
        assertTrue(linkExists(recentlyExpired), "link expired 29 days ago");
        assertEquals(Optional.of(contact), links.contactOf(valid.substring(3)));
    }

    @Test
    void concurrentDeletionsDeleteEveryBatchOnce() throws SQLException, InterruptedException, ExecutionException {
        long contact = contact();
        int count = 2 * ExpiredLinkDeletion.BATCH + 17;
        insertLinks(contact, Instant.now().minus(Duration.ofDays(400)), count);

        Future<Long> first = executor.submit(deletion::deleteExpired);
        Future<Long> second = executor.submit(deletion::deleteExpired);
        long deleted = first.get() + second.get();

        assertTrue(deleted >= count, "deleted " + deleted + " of at least " + count);
        assertEquals(0, linksOf(contact));
    }

    /** Inserts {@code count} links of the contact with random hashes that expire at {@code expiresAt}, and returns the hashes. */
    private List<byte[]> insertLinks(long contact, Instant expiresAt, int count) throws SQLException {
        SecureRandom random = new SecureRandom();
        List<byte[]> hashes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO preference_link (token_hash, contact_id, created_at, expires_at) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                byte[] hash = new byte[32];
                random.nextBytes(hash);
                hashes.add(hash);
                insert.setBytes(1, hash);
                insert.setLong(2, contact);
                insert.setTimestamp(3, Timestamp.from(expiresAt.minus(Duration.ofDays(90))));
                insert.setTimestamp(4, Timestamp.from(expiresAt));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return hashes;
    }

    private boolean linkExists(byte[] hash) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM preference_link WHERE token_hash = ?")) {
            select.setBytes(1, hash);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1) == 1;
            }
        }
    }

    private long linksOf(long contact) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM preference_link WHERE contact_id = ?")) {
            select.setLong(1, contact);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private long contact() {
        return contacts.create(new ContactChanges().with("role", "user").with("name", "Links " + UUID.randomUUID()),
                "test").id();
    }
}
