/**
 * Request rate limits that hold across app instances, because their counters live in the database.
 * The messenger's public endpoints and the SMS preference center count their requests here.
 */
package org.optline.platform.limits;
