package org.optline.platform.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Sanitizes the legal text an agent types into HTML that keeps only bold, italic, paragraphs, line
 * breaks and https links. Other tags are dropped with their text kept as text (script and style
 * elements are dropped whole), attributes other than a link's href are dropped, and every text is
 * escaped. Links open in a new tab without passing on the opener or the referrer. The opt-in form
 * sanitizes with it before storing, and the consent history again before showing a recorded text.
 */
public final class LegalText {

    /** The rel value every link gets, so the linked page cannot reach the form and gets no ranking credit. */
    static final String LINK_REL = "noopener noreferrer nofollow";

    private static final Safelist ALLOWED = new Safelist()
            .addTags("b", "strong", "i", "em", "br", "p", "a")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "https")
            .addEnforcedAttribute("a", "rel", LINK_REL)
            .addEnforcedAttribute("a", "target", "_blank");

    /**
     * Links whose href the cleaner removed. The selector is parsed once, because parsing it on every
     * call took most of the time spent selecting. Jsoup documents its evaluators as safe to share between threads.
     */
    private static final Evaluator LINK_WITHOUT_HREF = Selector.evaluatorOf("a:not([href])");

    private LegalText() {
    }

    /**
     * Returns {@code typed} as safe HTML, or an empty string for null or blank input. Applying it to its
     * own output changes nothing, so a stored version renders exactly as it was stored.
     */
    public static String sanitize(String typed) {
        if (typed == null || typed.isBlank()) {
            return "";
        }
        Document dirty = Jsoup.parseBodyFragment(typed.strip());
        Document clean = new Cleaner(ALLOWED).clean(dirty);
        // A link whose href was removed (http:, javascript:, relative) would lead nowhere: keep its text only.
        for (Element link : clean.body().select(LINK_WITHOUT_HREF)) {
            link.unwrap();
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
