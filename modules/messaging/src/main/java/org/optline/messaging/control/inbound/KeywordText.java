package org.optline.messaging.control.inbound;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form in which an inbound message is compared with the keywords, and in which keywords are stored.
 * Format characters (zero-width space and joiner, byte order mark, word joiner, soft hyphen) and accents
 * (NFKD, then combining marks dropped) are removed. Dashes and underscores become spaces, white space and
 * punctuation are trimmed at both ends, inner white space is collapsed to one space, and letters are
 * upper case.
 * "Stop.", "STOP!!", "  stop" and STOP followed by a zero-width space all become {@code STOP}, "opt-out"
 * and "Opt out" become {@code OPT OUT}, and "Arrêt" becomes {@code ARRET}.
 */
public final class KeywordText {

    /** Invisible characters that phones and copy and paste leave in a text, such as U+200B and U+FEFF. */
    private static final Pattern FORMAT_CHARACTERS = Pattern.compile("\\p{Cf}+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DASHES = Pattern.compile("[\\p{Pd}_]+");
    private static final Pattern EDGES = Pattern.compile("^[\\p{Z}\\s\\p{P}\\p{S}]+|[\\p{Z}\\s\\p{P}\\p{S}]+$");
    private static final Pattern INNER_SPACE = Pattern.compile("[\\p{Z}\\s]+");

    private KeywordText() {
    }

    /** Returns {@code text} in keyword form; an empty string for null or text of only space and punctuation. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String visible = FORMAT_CHARACTERS.matcher(text).replaceAll("");
        String decomposed = Normalizer.normalize(visible, Normalizer.Form.NFKD);
        String withoutMarks = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        String spaced = DASHES.matcher(withoutMarks).replaceAll(" ");
        String trimmed = EDGES.matcher(spaced).replaceAll("");
        return INNER_SPACE.matcher(trimmed).replaceAll(" ").toUpperCase(Locale.ROOT);
    }
}
