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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PreferenceLinks} inside Payara against MariaDB: links it creates open their own contact only. */
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

        assertThat(path).matches("/p/[A-Za-z0-9_-]{22}");
        assertThat(links.contactOf(path.substring(3))).contains(contact);
    }

    @Test
    void everyCallMakesNewToken() {
        long contact = contact();

        String first = links.pathFor(contact);
        String second = links.pathFor(contact);

        assertThat(first).isNotEqualTo(second);
        assertThat(links.contactOf(first.substring(3))).contains(contact);
        assertThat(links.contactOf(second.substring(3))).contains(contact);
    }

    @Test
    void batchGivesEachContactOwnLink() {
        long alice = contact();
        long bob = contact();

        Map<Long, String> paths = links.pathsFor(List.of(alice, bob));

        assertThat(links.contactOf(paths.get(alice).substring(3))).contains(alice);
        assertThat(links.contactOf(paths.get(bob).substring(3))).contains(bob);
    }

    @Test
    void unknownOrAlteredTokenOpensNothing() {
        String path = links.pathFor(contact());
        String token = path.substring(3);
        String altered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        assertThat(links.contactOf(altered)).isEmpty();
        assertThat(links.contactOf("")).isEmpty();
        assertThat(links.contactOf(UUID.randomUUID().toString())).isEmpty();
    }

    private long contact() {
        return contacts.create(new ContactChanges().with("role", "user").with("name", "Links " + UUID.randomUUID()),
                "test").id();
    }
}
