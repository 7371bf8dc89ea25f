package org.optline.bench.data;

import org.optline.contacts.api.PhoneNumber;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Makes one contact: a user or a lead, with an email for most, a phone number for most, a name,
 * a locale, custom attributes for some, and times spread over the years the data covers.
 */
final class People {

    /** A contact as generated, with what the consent history needs to know of it. */
    record Person(long id, boolean user, String email, PhoneNumber phone, String locale, Instant createdAt) {
    }

    private static final String[] FIRST_NAMES = {"Maria", "James", "Sofia", "Liam", "Aisha", "Noah", "Chen", "Emma",
            "Mateo", "Olivia", "Yuki", "Lucas", "Fatima", "Ethan", "Ana", "Oliver", "Priya", "Elijah", "Lea", "Daniel"};
    private static final String[] LAST_NAMES = {"Garcia", "Smith", "Muller", "Johnson", "Rossi", "Brown", "Martin",
            "Nguyen", "Lopez", "Wilson", "Dubois", "Kim", "Schmidt", "Taylor", "Silva", "Patel", "Anderson", "Moreau"};
    private static final String[] DOMAINS = {"example.com", "example.org", "example.net"};
    private static final String[] PLANS = {"free", "basic", "pro", "enterprise"};
    private static final String[] STORES = {"Austin", "Boston", "Chicago", "Denver", "London", "Madrid", "Toronto"};

    private People() {
    }

    /** Writes the contact's row to {@code out} and returns what the consent history needs. */
    static Person make(long id, Instant createdAt, SplittableRandom random, StringBuilder out) {
        boolean user = random.nextInt(100) < 80;
        String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        boolean named = random.nextInt(100) < 90;
        String email = random.nextInt(100) < 85
                ? (first + "." + last + "." + id + "@" + DOMAINS[random.nextInt(DOMAINS.length)]).toLowerCase(Locale.ROOT)
                : null;
        PhoneNumber phone = random.nextInt(100) < 90 ? Phones.next(random) : null;
        String locale = locale(random, phone);
        Instant end = Generator.DATA_END;
        Instant signedUp = user ? createdAt.plusSeconds(random.nextLong(3 * 86_400)) : null;
        Instant lastSeen = random.nextInt(100) < 70 ? between(random, createdAt, end) : null;
        Instant updated = between(random, createdAt, end);
        Tsv.row(out, id, user ? "USER" : "LEAD", user ? String.format("cus_%09d", id) : null, email,
                phone == null ? null : phone.e164(), phone == null ? null : phone.lineType().name(),
                named ? first + " " + last : null, null, null, locale, random.nextInt(100) < 3,
                random.nextInt(100) < 30 ? customAttributes(random) : null, signedUp, lastSeen, createdAt, updated,
                null, random.nextInt(3));
        return new Person(id, user, email, phone, locale, createdAt);
    }

    private static String locale(SplittableRandom random, PhoneNumber phone) {
        if (phone != null && phone.region() != null) {
            switch (phone.region()) {
                case "DE" -> {
                    return "de";
                }
                case "FR" -> {
                    return "fr";
                }
                default -> {
                }
            }
        }
        return random.nextInt(100) < 82 ? "en" : "es";
    }

    private static String customAttributes(SplittableRandom random) {
        return "{\"plan\":\"" + PLANS[random.nextInt(PLANS.length)] + "\",\"lifetime_value\":"
                + random.nextInt(500_000) / 100.0 + ",\"vip\":" + (random.nextInt(10) == 0) + ",\"store\":\""
                + STORES[random.nextInt(STORES.length)] + "\"}";
    }

    /** Returns a random time in [from, to), to the microsecond; {@code from} when the range is empty. */
    static Instant between(SplittableRandom random, Instant from, Instant to) {
        long micros = Duration.between(from, to).toNanos() / 1_000;
        return micros <= 0 ? from : from.plusNanos(random.nextLong(micros) * 1_000);
    }
}
