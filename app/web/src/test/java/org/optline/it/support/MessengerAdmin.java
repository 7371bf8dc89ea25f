package org.optline.it.support;

import org.jsoup.nodes.Document;

import java.net.URI;
import java.net.http.HttpResponse;

/** Changes the messenger settings the way an admin does, on the admin page. */
public final class MessengerAdmin {

    private final PageSession admin;

    public MessengerAdmin(URI base) {
        this.admin = PageSession.signedInAdmin(base);
    }

    /** Replaces the allow-list with {@code origins}, one per line, and fails unless the change is accepted. */
    public void allowOrigins(String... origins) {
        HttpResponse<String> response = admin.htmxPost("/admin/messenger/origins", "allowed_origins",
                String.join("\n", origins));
        if (response.statusCode() != 200) {
            throw new AssertionError("Saving allowed origins failed with " + response.statusCode() + ": " + response.body());
        }
    }

    /** Returns the identity secret shown on the admin page. */
    public String identitySecret() {
        Document page = PageSession.document(admin.get("/admin/messenger"));
        return page.selectFirst("#identity-secret code").text();
    }

    public PageSession session() {
        return admin;
    }
}
