package org.optline.it.support;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

/**
 * Random mobile numbers for tests that no contact, inbound text or number block in the test database
 * has yet. The suite shares one database, and a STOP acts on every contact with the number, so two
 * tests that drew the same number would see each other's consent events.
 */
public final class TestPhones {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> HANDED_OUT = new HashSet<>();
    private static final int ATTEMPTS = 100;

    private TestPhones() {
    }

    /** Returns an Icelandic mobile number (+354 77, Atlantic/Reykjavik, UTC all year). */
    public static String icelandMobile() {
        return unused("+35477", 5);
    }

    /** Returns a Japanese mobile number (+81 90, Asia/Tokyo, UTC+9 all year). */
    public static String tokyoMobile() {
        return unused("+8190" + (1 + RANDOM.nextInt(9)), 7);
    }

    private static synchronized String unused(String prefix, int digits) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            StringBuilder number = new StringBuilder(prefix);
            for (int i = 0; i < digits; i++) {
                number.append(RANDOM.nextInt(10));
            }
            String candidate = number.toString();
            if (!HANDED_OUT.contains(candidate) && TestDatabase.number("SELECT (SELECT COUNT(*) FROM contact WHERE phone = ?) "
                    + "+ (SELECT COUNT(*) FROM sms_inbound WHERE from_number = ?) "
                    + "+ (SELECT COUNT(*) FROM sms_number_block WHERE phone = ?)", candidate, candidate, candidate) == 0) {
                HANDED_OUT.add(candidate);
                return candidate;
            }
        }
        throw new IllegalStateException("No unused number with prefix " + prefix + " found in " + ATTEMPTS
                + " draws; the test database has too many numbers with this prefix, so start from an empty one");
    }
}
