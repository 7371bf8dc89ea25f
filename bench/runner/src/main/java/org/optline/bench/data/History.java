package org.optline.bench.data;

import org.optline.subscriptions.control.ConsentHashes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes one contact's consent history as the ledger would have recorded it: events in time order with
 * their chain position and hash, the state row of each type from its latest event, and the chain head.
 * The choices follow the ledger's rules: only SMS-capable numbers opt in to SMS types, only contacts
 * with an email get email events, and the archived type has events from before it was archived only.
 */
final class History {

    private static final String[] USER_AGENTS = {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15"};

    /** Counts of the rows written. */
    static final class Counts {
        long events;
        long states;
        long chains;
    }

    /** One event before its place in the chain is known. */
    private record Step(Catalog.Type type, String action, Instant at, String source, String actorKind, String actorId,
                        String ip, String userAgent, Long messageId, Catalog.Text text) {
    }

    /** The kind of each change of one type, before times are drawn. */
    private record Change(String action, String source) {
    }

    private History() {
    }

    static void make(People.Person person, SplittableRandom random, StringBuilder events, StringBuilder states,
                     StringBuilder chains, Counts counts) {
        boolean sms = person.phone() != null && person.phone().smsCapable();
        List<Step> steps = new ArrayList<>();
        if (sms && person.createdAt().isBefore(Catalog.HOLIDAY_ARCHIVED.minusSeconds(30 * 86_400L))
                && random.nextInt(100) < 8) {
            add(steps, person, random, Catalog.HOLIDAY_OFFERS, Catalog.HOLIDAY_ARCHIVED, List.of(new Change("OPT_IN", "FORM")));
        }
        if (sms && random.nextInt(100) < 55) {
            List<Change> changes = new ArrayList<>(List.of(new Change("OPT_IN", "FORM")));
            if (random.nextInt(100) < 15) {
                changes.add(new Change("OPT_OUT", "SMS_KEYWORD"));
                if (random.nextInt(100) < 30) {
                    changes.add(new Change("OPT_IN", "FORM"));
                }
            }
            add(steps, person, random, Catalog.ORDER_UPDATES, Generator.DATA_END, changes);
        }
        if (sms && random.nextInt(100) < 35) {
            List<Change> changes = new ArrayList<>(List.of(new Change("OPT_IN", random.nextInt(10) < 7 ? "FORM" : "IMPORT")));
            if (random.nextInt(100) < 20) {
                changes.add(new Change("OPT_OUT", "PREFERENCE_CENTER"));
            }
            add(steps, person, random, Catalog.PROMOTIONS, Generator.DATA_END, changes);
        }
        if (person.phone() != null && random.nextInt(100) < 6) {
            int pick = random.nextInt(10);
            String source = pick < 5 ? "SMS_KEYWORD" : pick < 8 ? "CARRIER" : "ADMIN_TOGGLE";
            add(steps, person, random, Catalog.ACCOUNT_ALERTS, Generator.DATA_END, List.of(new Change("OPT_OUT", source)));
        }
        if (person.email() != null && random.nextInt(100) < 45) {
            List<Change> changes = new ArrayList<>(List.of(new Change("OPT_IN", "FORM")));
            if (random.nextInt(100) < 10) {
                changes.add(new Change("OPT_OUT", "PREFERENCE_CENTER"));
            }
            add(steps, person, random, Catalog.NEWSLETTER, Generator.DATA_END, changes);
        }
        if (person.email() != null && random.nextInt(100) < 8) {
            add(steps, person, random, Catalog.PRODUCT_NEWS, Generator.DATA_END,
                    List.of(new Change("OPT_OUT", "PREFERENCE_CENTER")));
        }
        if (!steps.isEmpty()) {
            write(person, steps, events, states, chains, counts);
        }
    }

    /** Adds the changes of one type at random increasing times between the contact's creation and {@code until}. */
    private static void add(List<Step> steps, People.Person person, SplittableRandom random, Catalog.Type type,
                            Instant until, List<Change> changes) {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            times.add(People.between(random, person.createdAt(), until));
        }
        times.sort(Comparator.naturalOrder());
        for (int i = 0; i < changes.size(); i++) {
            steps.add(step(person, random, type, changes.get(i), times.get(i)));
        }
    }

    private static Step step(People.Person person, SplittableRandom random, Catalog.Type type, Change change, Instant at) {
        String ip = ipAddress(random);
        String userAgent = USER_AGENTS[random.nextInt(USER_AGENTS.length)];
        return switch (change.source()) {
            case "FORM" -> new Step(type, change.action(), at, "FORM", "CUSTOMER", null, ip, userAgent, null,
                    formText(type, person.locale()));
            case "PREFERENCE_CENTER" -> new Step(type, change.action(), at, "PREFERENCE_CENTER", "CUSTOMER", null, ip,
                    userAgent, null, null);
            case "SMS_KEYWORD" -> new Step(type, change.action(), at, "SMS_KEYWORD", "CUSTOMER", null, null, null,
                    1_000_000L + random.nextLong(90_000_000L), null);
            case "CARRIER" -> new Step(type, change.action(), at, "CARRIER", "CARRIER", null, null, null, null, null);
            case "IMPORT" -> new Step(type, change.action(), at, "IMPORT", "ADMIN", "imports@example.com", null, null,
                    null, null);
            case "ADMIN_TOGGLE" -> new Step(type, change.action(), at, "ADMIN_TOGGLE", "AGENT", "support@example.com",
                    null, null, null, null);
            default -> throw new IllegalArgumentException("No evidence for source " + change.source());
        };
    }

    private static Catalog.Text formText(Catalog.Type type, String locale) {
        if (type == Catalog.ORDER_UPDATES) {
            return locale.equals("es") ? Catalog.ORDER_FORM_SPANISH : Catalog.ORDER_FORM;
        }
        if (type == Catalog.PROMOTIONS) {
            return Catalog.PROMOTIONS_FORM;
        }
        if (type == Catalog.NEWSLETTER) {
            return Catalog.NEWSLETTER_FORM;
        }
        return Catalog.HOLIDAY_FORM;
    }

    /** Returns an address from the ranges reserved for documentation (RFC 5737 and RFC 3849). */
    private static String ipAddress(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> "192.0.2." + (random.nextInt(254) + 1);
            case 1 -> "198.51.100." + (random.nextInt(254) + 1);
            case 2 -> "203.0.113." + (random.nextInt(254) + 1);
            default -> "2001:db8::" + Integer.toHexString(random.nextInt(0xffff) + 1);
        };
    }

    /** Numbers the steps in time order, links their hashes, and writes events, states and the chain head. */
    private static void write(People.Person person, List<Step> steps, StringBuilder events, StringBuilder states,
                              StringBuilder chains, Counts counts) {
        steps.sort(Comparator.comparing(Step::at));
        String previous = ConsentHashes.GENESIS;
        Map<Long, Object[]> latest = new LinkedHashMap<>();
        int seq = 0;
        for (Step step : steps) {
            seq++;
            String phone = step.type().sms() ? person.phone().e164() : null;
            String hash = ConsentHashes.hash(new ConsentHashes.Fields(person.id(), seq, step.type().id(), step.action(),
                    step.at(), step.source(), step.actorKind(), step.actorId(), phone, step.ip(), step.userAgent(),
                    null, step.messageId(), step.text() == null ? null : step.text().sha256(), null, null, previous));
            Tsv.row(events, person.id(), seq, step.type().id(), step.action(), step.at(), step.source(), step.actorKind(),
                    step.actorId(), phone, step.ip(), step.userAgent(), null, step.messageId(),
                    step.text() == null ? null : step.text().id(), null, null, previous, hash);
            latest.put(step.type().id(), new Object[]{person.id(), step.type().id(), step.action(), seq, step.source(),
                    step.actorKind(), phone, step.at()});
            previous = hash;
        }
        for (Object[] state : latest.values()) {
            Tsv.row(states, state);
        }
        Tsv.row(chains, person.id(), seq, previous);
        counts.events += seq;
        counts.states += latest.size();
        counts.chains++;
    }
}
