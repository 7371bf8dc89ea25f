/**
 * The deployable application: it wires the modules together and owns what is shared by all of them.
 *
 * <p>Requirements, each with its reason:
 * <ul>
 *   <li>It stays thin: business rules live in the modules, so that this WAR, which Payara runs on the
 *       class path, cannot become a place where module boundaries are bypassed.</li>
 *   <li>It owns security (sign-in, roles, CSRF, API tokens, headers), because every route must get the
 *       same protection.</li>
 *   <li>It maps every module's domain exceptions to HTTP in one place: Intercom's {@code error.list}
 *       body under {@code /api}, an alert fragment on pages.</li>
 *   <li>It applies the database migrations before anything else touches the database.</li>
 * </ul>
 */
package org.optline.app;
