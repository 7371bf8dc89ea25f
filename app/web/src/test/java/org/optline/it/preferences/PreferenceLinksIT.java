package org.optline.it.preferences;

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

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private long contact() {
        return contacts.create(new ContactChanges().with("role", "user").with("name", "Links " + UUID.randomUUID()),
                "test").id();
    }
}
