package org.optline.it.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls the public API with a bearer token, as an integrator would. */
public final class ApiClient {

    private final Http http;
    private final String token;

    public ApiClient(URI base, String token) {
        this.http = new Http(base);
        this.token = token;
    }

    public HttpResponse<String> get(String path) {
        return http.send(authorized(path).GET().build());
    }

    public HttpResponse<String> post(String path, String json) {
        return http.send(authorized(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> put(String path, String json, String ifMatch) {
        HttpRequest.Builder request = authorized(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return http.send(request.header("Authorization", "Bearer " + token).build());
    }

    public Http http() {
        return http;
    }

    private HttpRequest.Builder authorized(String path) {
        return http.request(path).header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }
}
