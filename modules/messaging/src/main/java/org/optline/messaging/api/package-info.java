/** What other modules may use of outbound messaging. */
package org.optline.messaging.api;
