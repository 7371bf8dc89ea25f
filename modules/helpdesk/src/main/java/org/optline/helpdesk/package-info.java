/**
 * Helpdesk: conversations between a contact and the team.
 *
 * <p>Requirements, each with its reason:
 * <ul>
 *   <li>Parts are append-only and ordered by id, so agents, the widget and the consent record all see
 *       the same history.</li>
 *   <li>Apps such as the opt-in form live in their own modules and are rendered through
 *       {@link org.optline.helpdesk.api.ConversationApp}, so the helpdesk depends on none of them.</li>
 *   <li>An agent message on a channel other than the messenger goes to the
 *       {@link org.optline.helpdesk.api.ChannelDelivery} of that channel in the transaction that stores
 *       it, so a reply that cannot go out, such as one to a number that texted STOP, is not stored either,
 *       and the helpdesk depends on no sending module.</li>
 *   <li>The messenger authenticates with signed tokens rather than cookies, because it runs inside other
 *       websites where third-party cookies are blocked.</li>
 * </ul>
 */
package org.optline.helpdesk;
