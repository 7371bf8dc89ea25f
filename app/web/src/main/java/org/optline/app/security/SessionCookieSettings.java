package org.optline.app.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Marks the session cookie Secure when {@code OPTLINE_SECURE_COOKIES} is true, as it must be whenever
 * Optline is served over HTTPS. It is off by default so that http://localhost works out of the box.
 * SameSite is set in payara-web.xml, because Payara 7 ignores it when set through the Servlet API.
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean secure = ConfigProvider.getConfig()
                .getOptionalValue("optline.secure-cookies", Boolean.class)
                .orElse(false);
        event.getServletContext().getSessionCookieConfig().setSecure(secure);
    }
}
