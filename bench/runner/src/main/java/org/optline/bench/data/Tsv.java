package org.optline.bench.data;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Appends rows in the text format of {@code LOAD DATA INFILE} with its default options: fields
 * separated by tabs, rows by line feeds, back-slash escapes, and {@code \N} for NULL.
 */
final class Tsv {

    /** DATETIME(6) in UTC, the zone Optline stores times in. */
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private Tsv() {
    }

    static void row(StringBuilder out, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            field(out, fields[i]);
        }
        out.append('\n');
    }

    private static void field(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("\\N");
            case Instant time -> out.append(DATETIME.format(time));
            case Boolean flag -> out.append(flag ? '1' : '0');
            case Number number -> out.append(number);
            default -> {
                String text = value.toString();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    switch (c) {
                        case '\\' -> out.append("\\\\");
                        case '\t' -> out.append("\\t");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        default -> out.append(c);
                    }
                }
            }
        }
    }
}
