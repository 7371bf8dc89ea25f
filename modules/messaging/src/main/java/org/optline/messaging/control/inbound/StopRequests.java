package org.optline.messaging.control.inbound;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognizes messages that are not a keyword but read as a request to stop texting, such as "please stop
 * texting me" or "remove me from your list". Such messages go to an agent's review queue rather than
 * opting the sender out, because words around a keyword may change its meaning. A message that only
 * contains "stop" ("we must stop this bill") is an ordinary message.
 *
 * <p>NOTE: the phrases are English only; requests in other languages land in the helpdesk as ordinary
 * messages, where an agent reads them anyway.
 */
public final class StopRequests {

    /** The longest message checked; longer texts are conversations, which agents read in the helpdesk. */
    static final int MAX_LENGTH = 160;

    private static final List<Pattern> PHRASES = List.of(
            // "stop texting me", "please stop sending me messages", "stop messaging us"
            Pattern.compile("\\bSTOP (?:TEXTING|SENDING|MESSAGING|CONTACTING|CALLING|SPAMMING)\\b"),
            // "don't text me anymore", "do not send me texts", "dont message me"
            Pattern.compile("\\bDO ?N[O']?T (?:TEXT|SEND|MESSAGE|CONTACT|SMS)\\b.*\\b(?:ME|US|ANYMORE|AGAIN|MESSAGES|TEXTS)\\b"),
            // "remove me from your list", "take me off the list", "delete my number"
            Pattern.compile("\\b(?:REMOVE|TAKE) (?:ME|MY NUMBER|THIS NUMBER)\\b"),
            Pattern.compile("\\bDELETE (?:ME|MY NUMBER|THIS NUMBER)\\b"),
            // "unsubscribe me", "please unsubscribe", "opt me out", "I want to opt out"
            Pattern.compile("\\bUNSUBSCRIBE\\b"),
            Pattern.compile("\\bOPT ME OUT\\b"),
            Pattern.compile("\\b(?:WANT|WISH|LIKE) TO (?:OPT OUT|OPTOUT|STOP RECEIVING|UNSUBSCRIBE)\\b"),
            Pattern.compile("\\bNO MORE (?:TEXTS|MESSAGES|SMS)\\b"),
            Pattern.compile("\\bLEAVE ME ALONE\\b"));

    private StopRequests() {
    }

    /**
     * Returns whether {@code body}, which is not itself a keyword, reads as a request to stop receiving
     * texts.
     */
    public static boolean readsAsStopRequest(String body) {
        String text = KeywordText.normalize(body).replace('\u2019', '\'');
        if (text.isEmpty() || text.length() > MAX_LENGTH) {
            return false;
        }
        return PHRASES.stream().anyMatch(phrase -> phrase.matcher(text).find());
    }
}
