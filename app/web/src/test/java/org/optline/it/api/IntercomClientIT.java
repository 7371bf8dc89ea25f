package org.optline.it.api;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.optline.it.support.ApiClient;
import org.optline.it.support.Http;
import org.optline.it.support.IntercomSdk;
import org.optline.it.support.LocalOptline;
import org.optline.it.support.OptlineDeployment;
import org.optline.it.support.TestCredentials;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The official intercom-client npm package, version 7.0.3, works against Optline unchanged. */
@ExtendWith(ArquillianExtension.class)
class IntercomClientIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @ArquillianResource
    URL deployment;

    private URI base;

    @BeforeEach
    void connect() {
        base = LocalOptline.base(deployment);
    }

    @Test
    void sdkListsSubscriptionTypes() {
        ApiClient api = new ApiClient(base, TestCredentials.apiToken());
        String name = "SDK deals " + UUID.randomUUID();
        HttpResponse<String> created = api.post("/api/subscription_types", SubscriptionTypesApiIT.smsOptIn(name, "Via the SDK"));
        String id = Http.json(created).getString("id");
        api.post("/api/subscription_types/" + id + "/put_live", "");

        JsonObject outcome = IntercomSdk.run(base, TestCredentials.apiToken(), "list-subscription-types");

        assertThat(outcome.getBoolean("ok")).as(outcome.toString()).isTrue();
        JsonObject list = outcome.getJsonObject("result");
        assertThat(list.getString("type")).isEqualTo("list");
        JsonObject type = list.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("id").equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("type " + id + " missing from " + list));
        assertThat(type.getString("state")).isEqualTo("live");
        assertThat(type.getJsonObject("default_translation").getString("name")).isEqualTo(name);
        assertThat(type.getJsonArray("content_types").getString(0)).isEqualTo("sms_message");
    }

    @Test
    void sdkSeesUnauthorizedForWrongToken() {
        JsonObject outcome = IntercomSdk.run(base, "opl_not_a_token_" + UUID.randomUUID(), "list-subscription-types");

        assertThat(outcome.getBoolean("ok")).isFalse();
        assertThat(outcome.getInt("status")).isEqualTo(401);
        assertThat(outcome.getJsonObject("body").getString("type")).isEqualTo("error.list");
    }
}
