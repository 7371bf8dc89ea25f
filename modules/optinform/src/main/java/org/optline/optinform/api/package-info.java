/** What other modules may use of the opt-in form app. */
package org.optline.optinform.api;
