/**
 * Who may use Optline: admins and agents who sign in with a password, and integrators who call the
 * public API with an access token.
 *
 * <p>Requirements, each with its reason:
 * <ul>
 *   <li>Passwords are stored only as slow, salted PBKDF2 hashes, because a leaked table must not
 *       yield passwords.</li>
 *   <li>Five failed sign-ins in a row lock an account for fifteen minutes, and every failure gets
 *       the same message, so that guessing is slow and the page does not tell which emails exist.</li>
 *   <li>API tokens are random, shown once and stored only as SHA-256 hashes, because a database
 *       copy must not grant API access. They can be revoked at any time.</li>
 *   <li>The counters and tokens live in MariaDB, so every app instance enforces the same state.</li>
 * </ul>
 *
 * <p>Out of scope: single sign-on, two-factor authentication and password reset by email.
 */
package org.optline.access;
