package org.optline.bench.data;

import org.optline.contacts.api.PhoneNumber;
import org.optline.contacts.control.PhoneNumberParser;
import org.optline.platform.DomainException;

import java.util.SplittableRandom;

/**
 * Makes random valid phone numbers in a realistic mix: mostly US and Canadian numbers, British mobiles
 * and landlines, German and French mobiles. Optline's own parser checks each one and gives its E.164
 * form and line type, so the data contains exactly what the app would have stored.
 */
final class Phones {

    private static final String[] US_AREA_CODES = {"201", "212", "213", "305", "312", "404", "415", "469", "512",
            "602", "617", "646", "702", "713", "718", "801", "832", "917", "949", "972"};
    private static final String[] CANADA_AREA_CODES = {"416", "438", "514", "587", "604", "613", "647", "778"};

    private Phones() {
    }

    /** Returns a valid number; landlines come out as {@code FIXED_LINE}, which cannot take SMS consent. */
    static PhoneNumber next(SplittableRandom random) {
        for (int attempt = 0; ; attempt++) {
            String typed = candidate(random);
            try {
                return PhoneNumberParser.parse("phone", typed, "US");
            } catch (DomainException e) {
                if (attempt > 100) {
                    throw new IllegalStateException("No valid phone number after 100 attempts, last " + typed, e);
                }
            }
        }
    }

    private static String candidate(SplittableRandom random) {
        int pick = random.nextInt(100);
        if (pick < 68) {
            return pick(random, US_AREA_CODES) + exchange(random) + digits(random, 4);
        }
        if (pick < 74) {
            return "+1" + pick(random, CANADA_AREA_CODES) + exchange(random) + digits(random, 4);
        }
        if (pick < 84) {
            return "+447" + (random.nextInt(5) + 4) + digits(random, 8);
        }
        if (pick < 89) {
            return "+44 20 " + (random.nextInt(2) == 0 ? "7" : "8") + digits(random, 7);
        }
        if (pick < 95) {
            return "+49 15" + (random.nextInt(3) + 1) + digits(random, 8);
        }
        return "+33 6" + digits(random, 8);
    }

    /** Returns a North American exchange code, which never starts with 0 or 1 and is never 555. */
    private static String exchange(SplittableRandom random) {
        String exchange;
        do {
            exchange = (random.nextInt(8) + 2) + digits(random, 2);
        } while (exchange.equals("555"));
        return exchange;
    }

    private static String pick(SplittableRandom random, String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    static String digits(SplittableRandom random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
