/**
 * The Subscription Type Opt-In Form app.
 *
 * <p>Requirements, each with its reason:
 * <ul>
 *   <li>Only live subscription types can be chosen, because customers may consent only to what the
 *       business currently sends.</li>
 *   <li>The exact title, button and legal text shown are stored as a version of the form, so the
 *       consent record proves what the customer read even after the form is edited.</li>
 *   <li>Legal text keeps only a small set of formatting and https links; everything else the agent
 *       typed is shown as text, so nobody can inject script into a customer's browser.</li>
 *   <li>A repeated submission with the same idempotency key records one event.</li>
 * </ul>
 */
package org.optline.optinform;
