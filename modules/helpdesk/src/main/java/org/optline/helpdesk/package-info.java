/**
 * Helpdesk: conversations between a contact and the team.
 *
 * <p>Requirements, each with its reason:
 * <ul>
 *   <li>Parts are append-only and ordered by id, so agents, the widget and the consent record all see
 *       the same history.</li>
 *   <li>Apps such as the opt-in form live in their own modules and are rendered through
 *       {@link org.optline.helpdesk.api.ConversationApp}, so the helpdesk depends on none of them.</li>
 *   <li>The messenger authenticates with signed tokens rather than cookies, because it runs inside other
 *       websites where third-party cookies are blocked.</li>
 * </ul>
 */
package org.optline.helpdesk;
