package org.optline.messaging.boundary.webhooks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.optline.messaging.control.inbound.InboundMessages;
import org.optline.platform.InvalidInputException;
import org.optline.platform.MissingInputException;

import java.io.StringReader;

import static org.optline.platform.Jsons.JSON;

/**
 * The inbound SMS webhook for providers other than Twilio: a JSON object
 * {@code {"id": "...", "from": "...", "to": "...", "body": "..."}} with the provider's message id,
 * authenticated with an API token like the public API.
 */
@Path("webhooks/sms/inbound")
@ApplicationScoped
@WebhookBodyLimit
@Produces(MediaType.APPLICATION_JSON)
public class SmsInboundWebhook {

    @Inject
    InboundMessages messages;

    /** The webhook response: the stored message id, its kind, and whether the delivery was a repeat. */
    public record Stored(long inbound_id, String kind, boolean duplicate) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Stored receive(String json) {
        JsonObject message = parse(json);
        String id = text(message, "id", true);
        if (id.length() > 64) {
            throw new InvalidInputException("id", "id is " + id.length() + " characters long; the maximum is 64.");
        }
        InboundMessages.Result result = messages.receive(new InboundMessages.Received("generic", id,
                text(message, "from", true), text(message, "to", false), text(message, "body", false)));
        return new Stored(result.inboundId(), result.kind().name(), result.duplicate());
    }

    private static JsonObject parse(String json) {
        try (var reader = JSON.createReader(new StringReader(json == null ? "" : json))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidInputException("body", "The request body is not a JSON object. Send {\"id\": \"...\", "
                    + "\"from\": \"...\", \"to\": \"...\", \"body\": \"...\"}.");
        }
    }

    private static String text(JsonObject message, String field, boolean required) {
        JsonValue value = message.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL
                || value instanceof JsonString string && string.getString().isBlank() && required) {
            if (required) {
                throw new MissingInputException(field, field + " is missing. Send the provider's " + (field.equals("id")
                        ? "message id" : "sender") + " as a string.");
            }
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw new InvalidInputException(field, field + " must be a string, not " + value.getValueType() + ".");
        }
        return string.getString();
    }
}
