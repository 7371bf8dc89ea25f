package org.optline.bench.forms;

import org.optline.contacts.api.PhoneNumber;
import org.optline.contacts.control.PhoneNumberParser;
import org.optline.platform.DomainException;

/**
 * Makes distinct US mobile-capable numbers in national format, such as {@code (253) 201-0001}, as a
 * customer types them into the form. Optline's own parser checks each one, so the benchmark sends only
 * numbers the form accepts. The area codes are not among those of the generated data set, so the numbers
 * are new to the workspace.
 */
final class NationalNumbers {

    private static final String[] AREA_CODES = {"206", "253", "303", "480", "503", "615", "720", "919"};
    /** Exchange codes 200 to 999; {@link #next} skips those the parser rejects, such as 555 and N11. */
    private static final int EXCHANGES = 800;

    private long index;

    /** A number as typed and as Optline stores it. */
    record Number(String typed, String e164) {
    }

    /** Returns the next number; numbers never repeat within one instance. */
    Number next() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            long current = index++;
            String area = AREA_CODES[(int) (current % AREA_CODES.length)];
            long rest = current / AREA_CODES.length;
            int exchange = 200 + (int) (rest % EXCHANGES);
            long line = rest / EXCHANGES;
            if (line > 9_999) {
                throw new IllegalStateException("NationalNumbers ran out of numbers after " + current + " candidates.");
            }
            String typed = String.format("(%s) %03d-%04d", area, exchange, line);
            try {
                PhoneNumber number = PhoneNumberParser.parse("phone", typed, "US");
                if (number.smsCapable()) {
                    return new Number(typed, number.e164());
                }
            } catch (DomainException e) {
                // Not a valid US number (such as a reserved exchange): try the next one.
            }
        }
        throw new IllegalStateException("No valid US mobile number among 1,000 candidates before index " + index + ".");
    }
}
