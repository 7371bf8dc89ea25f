package org.optline.platform;

/**
 * Counts the characters and parts of an SMS as a mobile network does. Text made only of the GSM 03.38
 * default alphabet and its extension table is sent as GSM-7: 160 septets in one part, 153 per part when
 * it is split, and every extension character ({@code ^ { } \ [ ] ~ | €} and form feed) takes two
 * septets. Any other character makes the whole message UCS-2: 70 UTF-16 code units in one part, 67 per
 * part when split, and a character outside the Basic Multilingual Plane takes two.
 */
public final class SmsCounter {

    /** The GSM 03.38 default alphabet, without the escape code 0x1B. */
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** The GSM 03.38 extension table, whose characters are sent as an escape plus one septet. */
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";

    static final int GSM_SINGLE = 160;
    static final int GSM_PART = 153;
    static final int UCS2_SINGLE = 70;
    static final int UCS2_PART = 67;

    private SmsCounter() {
    }

    /** The encoding a message is sent in. */
    public enum Encoding {
        GSM_7, UCS_2
    }

    /**
     * The size of a message.
     *
     * @param units    septets for GSM-7, UTF-16 code units for UCS-2
     * @param parts    the number of SMS parts the message is split into; 0 for an empty text
     * @param perPart  how many units fit in one part at this length
     */
    public record Count(Encoding encoding, int units, int parts, int perPart) {

        /** Returns the size as pages show it, such as "42 GSM-7 characters, 1 part (160 per part)". */
        public String summary() {
            String unitName = encoding == Encoding.GSM_7 ? "GSM-7 characters" : "UCS-2 characters";
            return units + " " + unitName + ", " + parts + (parts == 1 ? " part" : " parts") + " (" + perPart
                    + " per part)";
        }
    }

    public static Count count(String text) {
        return isGsm7(text) ? countGsm(text) : countUcs2(text);
    }

    public static boolean isGsm7(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    private static Count countGsm(String text) {
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        if (septets <= GSM_SINGLE) {
            return new Count(Encoding.GSM_7, septets, septets == 0 ? 0 : 1, GSM_SINGLE);
        }
        // An escape and its character travel in the same part, so a part may end one septet short.
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int size = GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
            if (used + size > GSM_PART) {
                parts++;
                used = 0;
            }
            used += size;
        }
        return new Count(Encoding.GSM_7, septets, parts, GSM_PART);
    }

    private static Count countUcs2(String text) {
        int units = text.length();
        if (units <= UCS2_SINGLE) {
            return new Count(Encoding.UCS_2, units, units == 0 ? 0 : 1, UCS2_SINGLE);
        }
        // A surrogate pair is never split between two parts.
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int size = Character.charCount(text.codePointAt(i));
            if (used + size > UCS2_PART) {
                parts++;
                used = 0;
            }
            used += size;
            i += size;
        }
        return new Count(Encoding.UCS_2, units, parts, UCS2_PART);
    }
}
