/**
 * Subscription types: what a business may message its contacts about, over SMS or email.
 *
 * <p>Requirements, each with its reason:
 * <ul>
 *   <li>A type's message type (SMS or email) and consent type (opt-in or opt-out) never change after
 *       creation, because every consent record made under the type would change its meaning.</li>
 *   <li>A type moves from draft to live to archived and is never deleted, so that old consent
 *       records keep pointing at the text the customer agreed to. Only live types are offered to
 *       customers, forms and sends.</li>
 *   <li>Names and descriptions are what customers read, so each type carries one translation per
 *       locale, with one of them the default.</li>
 *   <li>Every change carries the version it was based on; a change based on an older version is
 *       rejected, so two admins never overwrite each other silently.</li>
 *   <li>The public API follows Intercom's subscription type object, so Intercom clients work.</li>
 *   <li>A bulk subscribe or unsubscribe runs as a job stored in the database, whose contacts are fixed
 *       when it is created, so that it survives a restart and its report matches what the admin
 *       confirmed.</li>
 *   <li>A bulk job changes each contact through the consent ledger, in chunks that commit together with
 *       the items' outcomes, so a crash redoes at most the chunk it interrupted and no contact is changed
 *       twice.</li>
 * </ul>
 *
 * <p>Out of scope here: the consent records themselves and per-contact preferences, which build on
 * these types.
 */
package org.optline.subscriptions;
