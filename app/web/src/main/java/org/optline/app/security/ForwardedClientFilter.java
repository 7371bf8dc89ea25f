package org.optline.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;

/**
 * Gives the rest of the app the customer's address when Optline runs behind reverse proxies listed in
 * {@code optline.trusted-proxies}. Consent evidence records {@code getRemoteAddr()}, and the rate limits
 * count by it, so behind a proxy every customer would otherwise have the proxy's address. Without the
 * setting, {@code X-Forwarded-For} is ignored, because any client can send it.
 */
public class ForwardedClientFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ForwardedClientFilter.class.getName());

    private transient TrustedProxies proxies = TrustedProxies.none();

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        String setting = ConfigProvider.getConfig().getOptionalValue("optline.trusted-proxies", String.class).orElse("");
        try {
            proxies = TrustedProxies.parse(setting);
        } catch (IllegalArgumentException e) {
            // A failing filter does not stop the web module, so the setting is reported and no proxy is trusted.
            LOG.severe(() -> e.getMessage() + " Until it is fixed, no proxy is trusted and X-Forwarded-For is ignored.");
            proxies = TrustedProxies.none();
        }
        if (!proxies.isEmpty()) {
            LOG.info(() -> "Client addresses are read from X-Forwarded-For of requests from " + setting.strip());
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (proxies.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        List<String> forwarded = Collections.list(request.getHeaders("X-Forwarded-For"));
        String client = proxies.clientAddress(request.getRemoteAddr(), forwarded);
        if (client.equals(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteAddr() {
                return client;
            }

            @Override
            public String getRemoteHost() {
                return client;
            }
        }, response);
    }
}
