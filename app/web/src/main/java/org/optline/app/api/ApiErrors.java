package org.optline.app.api;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

import static org.optline.platform.Jsons.JSON;

/**
 * Builds Intercom's error body: {@code {"type":"error.list","request_id":..,"errors":[{"code","message","field"}]}}.
 * Intercom clients read {@code errors[0].code} and {@code message}, so codes follow Intercom's names.
 */
public final class ApiErrors {

    private ApiErrors() {
    }

    /** Returns the 401 answer for a missing, unknown or revoked token, worded as Intercom words it. */
    public static Response unauthorized() {
        return Response.status(Response.Status.UNAUTHORIZED)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("WWW-Authenticate", "Bearer realm=\"optline\"")
                .entity(body("unauthorized", "Access Token Invalid. Send a token from the API tokens page as "
                        + "Authorization: Bearer <token>.", null))
                .build();
    }

    public static Response response(int status, String code, String message, String field) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(code, message, field))
                .build();
    }

    /** Returns the JSON text of an error list with one error and a new request id. */
    public static String body(String code, String message, String field) {
        return body(code, message, field, UUID.randomUUID().toString());
    }

    public static String body(String code, String message, String field, String requestId) {
        JsonObjectBuilder error = JSON.createObjectBuilder().add("code", code);
        if (message != null) {
            error.add("message", message);
        }
        if (field != null) {
            error.add("field", field);
        }
        return JSON.createObjectBuilder()
                .add("type", "error.list")
                .add("request_id", requestId)
                .add("errors", JSON.createArrayBuilder().add(error))
                .build()
                .toString();
    }

    /** Returns Intercom's error code for an HTTP status that has no more specific cause. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "parameter_invalid";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "request_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limit_exceeded";
            default -> status >= 500 ? "server_error" : "client_error";
        };
    }
}
