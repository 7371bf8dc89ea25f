package org.optline.messaging.control.inbound;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognizes messages that are not a keyword but read as a request to stop texting, such as "STOP
 * please", "I said STOP", "please stop texting me" or "arrêtez de m'envoyer des SMS". Such messages go to
 * an agent's review queue rather than opting the sender out, because words around a keyword may change
 * its meaning. Like every text that is not a keyword, they also land in the sender's SMS conversation in
 * the helpdesk.
 *
 * <p>Two rules make a request: a short text of at most {@link #MAX_SHORT_WORDS} words that contains an
 * opt-out keyword as a whole word, or a phrase asking to stop in other words (English, French, German or
 * Spanish) at any length. A longer text that merely contains the word ("we must stop this bill") is an
 * ordinary message. A short text may use the word for something else ("can't stop smiling"); an agent
 * dismisses such a review.
 */
public final class StopRequests {

    /** The maximum number of words in a text that a bare opt-out keyword makes a request. */
    static final int MAX_SHORT_WORDS = 4;

    private static final Pattern WORD_EDGES = Pattern.compile("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$");

    private static final List<Pattern> PHRASES = compile(
            // English: "stop texting me", "please stop sending me messages", "stop messaging us"
            "\\bSTOP (?:TEXTING|SENDING|MESSAGING|CONTACTING|CALLING|SPAMMING)\\b",
            // "don't text me anymore", "do not send me texts", "dont message me"
            "\\bDO ?N[O']?T (?:TEXT|SEND|MESSAGE|CONTACT|SMS)\\b.*\\b(?:ME|US|ANYMORE|AGAIN|MESSAGES|TEXTS)\\b",
            // "remove me from your list", "take me off the list", "delete my number"
            "\\b(?:REMOVE|TAKE|DELETE) (?:ME|MY NUMBER|THIS NUMBER)\\b",
            // "unsubscribe me", "please unsubscribe", "opt me out", "I want to opt out"
            "\\bUNSUBSCRIBE\\b",
            "\\bOPT ME OUT\\b",
            "\\b(?:WANT|WISH|LIKE) TO (?:OPT OUT|OPTOUT|STOP RECEIVING|UNSUBSCRIBE)\\b",
            "\\bNO MORE (?:TEXTS|MESSAGES|SMS)\\b",
            "\\bLEAVE ME ALONE\\b",
            // French: "je ne veux plus recevoir", "arrêtez de m'envoyer des SMS", "ne m'envoyez plus",
            // "désabonnez-moi", "retirez-moi de votre liste", "plus de SMS"
            "\\bNE (?:PLUS|VEUX PLUS|SOUHAITE PLUS) RECEVOIR\\b",
            "\\bARRETE[RZ]? (?:DE M ?'? ?(?:ENVOYER|ECRIRE|CONTACTER|APPELER)|LES (?:SMS|MESSAGES|TEXTOS))\\b",
            "\\bNE (?:M|NOUS) ?'? ?(?:ENVOYEZ|ECRIVEZ|CONTACTEZ) PLUS\\b",
            "\\b(?:DESABONNE[RZ]?|DESINSCRI(?:RE|VEZ)|RETIRE[RZ]? MOI)\\b",
            "\\bPLUS DE (?:SMS|MESSAGES|TEXTOS)\\b",
            // German: "keine SMS mehr", "keine Nachrichten mehr", "bitte abbestellen", "nicht mehr schreiben"
            "\\bKEINE (?:SMS|NACHRICHTEN|MITTEILUNGEN|TEXTE) MEHR\\b",
            "\\b(?:ABBESTELLEN|AUSTRAGEN|ABMELDEN)\\b",
            "\\bNICHT MEHR (?:SCHREIBEN|SENDEN|SCHICKEN|KONTAKTIEREN|ANSCHREIBEN)\\b",
            "\\bHOREN SIE AUF\\b.*\\b(?:ZU SCHREIBEN|ZU SENDEN|ZU SCHICKEN)\\b",
            // Spanish: "no me envíen más", "dejen de enviar", "darme de baja", "no quiero recibir"
            "\\bNO (?:ME|NOS) (?:ENVIE[NS]?|ENVIES|MANDE[NS]?|MANDES|ESCRIBA[NS]?|ESCRIBAS) MAS\\b",
            "\\bDEJ(?:EN|E|A) DE (?:ENVIAR|MANDAR|ESCRIBIR|CONTACTAR)\\b",
            "\\bDA(?:R|RME|DME) DE BAJA\\b",
            "\\bNO QUIERO RECIBIR\\b",
            "\\bNO MAS (?:MENSAJES|SMS|TEXTOS)\\b");

    private StopRequests() {
    }

    /**
     * Returns whether {@code body}, which is not itself a keyword, reads as a request to stop receiving
     * texts.
     *
     * @param optOutWords the opt-out keywords in normalized form, such as {@code STOP} and {@code OPT OUT}
     */
    public static boolean readsAsStopRequest(String body, Set<String> optOutWords) {
        String text = KeywordText.normalize(body).replace('\u2019', '\'');
        if (text.isEmpty() || text.length() > InboundMessages.MAX_BODY_LENGTH) {
            return false;
        }
        return isShortWithKeyword(text, optOutWords) || PHRASES.stream().anyMatch(phrase -> phrase.matcher(text).find());
    }

    /** Returns whether the text has few words and one of them, or a run of them, is an opt-out keyword. */
    private static boolean isShortWithKeyword(String text, Set<String> optOutWords) {
        List<String> words = Arrays.stream(text.split(" "))
                .map(word -> WORD_EDGES.matcher(word).replaceAll(""))
                .filter(word -> !word.isEmpty())
                .toList();
        if (words.isEmpty() || words.size() > MAX_SHORT_WORDS) {
            return false;
        }
        String spaced = " " + String.join(" ", words) + " ";
        return optOutWords.stream().anyMatch(keyword -> spaced.contains(" " + keyword + " "));
    }

    private static List<Pattern> compile(String... patterns) {
        return Arrays.stream(patterns).map(Pattern::compile).toList();
    }
}
