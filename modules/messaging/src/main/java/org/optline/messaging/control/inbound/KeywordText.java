package org.optline.messaging.control.inbound;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form in which an inbound message is compared with the keywords, and in which keywords are stored:
 * accents removed (NFKD, then combining marks dropped), white space and punctuation trimmed at both
 * ends, inner white space collapsed to one space, upper case. "Stop.", "STOP!!" and "  stop" all become
 * {@code STOP}, and "Arrêt" becomes {@code ARRET}.
 */
public final class KeywordText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern EDGES = Pattern.compile("^[\\p{Z}\\s\\p{P}\\p{S}]+|[\\p{Z}\\s\\p{P}\\p{S}]+$");
    private static final Pattern INNER_SPACE = Pattern.compile("[\\p{Z}\\s]+");

    private KeywordText() {
    }

    /** Returns {@code text} in keyword form; an empty string for null or text of only space and punctuation. */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String withoutMarks = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        String trimmed = EDGES.matcher(withoutMarks).replaceAll("");
        return INNER_SPACE.matcher(trimmed).replaceAll(" ").toUpperCase(Locale.ROOT);
    }
}
