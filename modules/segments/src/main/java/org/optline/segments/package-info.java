/**
 * Segments: saved contact filters, their sizes, and who of them a send under an SMS subscription type
 * reaches.
 *
 * <p>Requirements, each with its reason:
 * <ul>
 *   <li>A segment's conditions are a contacts search query, the language of the contacts list and the
 *       API search, so a filter moves between the three without translation.</li>
 *   <li>A segment is counted when it is shown, never stored with a size, because contacts and consent
 *       change all the time.</li>
 *   <li>The audience of a send follows one rule, {@code Targeting}: a valid number that can take texts,
 *       an explicit opt-in for that number for opt-in types, no explicit opt-out for opt-out types, and a
 *       live type. Every contact left out is counted under the first reason that applies, so the counts
 *       add up to the segment's size.</li>
 *   <li>Every change carries the version it was based on, so two admins never overwrite each other
 *       silently; a segment that a scheduled send uses is not deleted.</li>
 * </ul>
 *
 * <p>Out of scope here: sending, and the consent check each message makes when it is sent.
 */
package org.optline.segments;
