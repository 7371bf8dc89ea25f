package org.optline.messaging.control;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.optline.contacts.api.PhoneNumber;
import org.optline.messaging.api.SmsGateway;
import org.optline.messaging.api.SmsGatewayException;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.optline.platform.Jsons.JSON;

/**
 * Sends through Twilio's Messages REST API: {@code POST {base}/2010-04-01/Accounts/{sid}/Messages.json},
 * form-encoded {@code To}, {@code From} or {@code MessagingServiceSid}, and {@code Body}, with the account
 * SID and auth token as basic authentication.
 *
 * <p>Timeouts, HTTP 429 and 5xx responses are retryable. Other 4xx answers are final, such as error
 * 21610 for a recipient who replied STOP to the sender ({@link #OPTED_OUT}), 21211 for an invalid number, or 21614 for a
 * number that cannot take texts. NOTE: Twilio's Messages API takes no idempotency key, so
 * {@link #deduplicates()} is false and a message whose outcome was lost in a crash is not resent.
 */
public final class TwilioGateway implements SmsGateway {

    /** Twilio's error code for a recipient who opted out at the carrier by texting STOP to the sender. */
    public static final String OPTED_OUT = "21610";

    /** Twilio error codes that mean "try again later" although their HTTP status is 4xx. */
    private static final Set<String> RETRYABLE_CODES = Set.of("20429");

    private static final Pattern E164 = Pattern.compile("\\+[0-9]{7,15}");

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final URI messagesUri;
    private final String authorization;
    private final String from;
    private final String messagingServiceSid;
    private final String statusCallbackUrl;
    private final HttpClient http;

    /**
     * @param baseUrl             such as {@code https://api.twilio.com}
     * @param from                the sender number in E.164, or null with a messaging service
     * @param messagingServiceSid the messaging service, or null with a sender number
     */
    public TwilioGateway(String baseUrl, String accountSid, String authToken, String from, String messagingServiceSid,
                         HttpClient http) {
        this(baseUrl, accountSid, authToken, from, messagingServiceSid, null, http);
    }

    /**
     * @param statusCallbackUrl where Twilio posts the message's status changes, such as
     *                          {@code https://optline.example.com/webhooks/twilio/status}, or null for none
     */
    public TwilioGateway(String baseUrl, String accountSid, String authToken, String from, String messagingServiceSid,
                         String statusCallbackUrl, HttpClient http) {
        if (accountSid == null || accountSid.isBlank() || authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("The Twilio gateway needs optline.twilio.account-sid and "
                    + "optline.twilio.auth-token; set both or use the sandbox gateway.");
        }
        if (isBlank(from) == isBlank(messagingServiceSid)) {
            throw new IllegalArgumentException("The Twilio gateway needs exactly one of optline.twilio.from and "
                    + "optline.twilio.messaging-service-sid.");
        }
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.messagesUri = URI.create(base + "/2010-04-01/Accounts/" + encode(accountSid) + "/Messages.json");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.from = isBlank(from) ? null : from;
        this.messagingServiceSid = isBlank(messagingServiceSid) ? null : messagingServiceSid;
        this.statusCallbackUrl = isBlank(statusCallbackUrl) ? null : statusCallbackUrl;
        this.http = http;
    }

    @Override
    public String send(String to, String body, String idempotencyKey) throws SmsGatewayException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        if (from != null) {
            form.put("From", from);
        } else {
            form.put("MessagingServiceSid", messagingServiceSid);
        }
        form.put("Body", body);
        if (statusCallbackUrl != null) {
            form.put("StatusCallback", statusCallbackUrl);
        }
        String encoded = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(messagesUri).timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encoded))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SmsGatewayException("Twilio could not be reached at " + messagesUri.getHost() + ": " + e, null, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsGatewayException("Interrupted while waiting for Twilio", null, true, e);
        }
        return read(response);
    }

    private String read(HttpResponse<String> response) throws SmsGatewayException {
        int status = response.statusCode();
        JsonObject json = parse(response.body());
        if (status >= 200 && status < 300) {
            if (json == null || !json.containsKey("sid")) {
                throw new SmsGatewayException("Twilio responded " + status + " without a message sid", null, false, null);
            }
            return json.getString("sid");
        }
        String code = json != null && json.containsKey("code") && !json.isNull("code")
                ? json.get("code").toString().replace("\"", "") : null;
        // Twilio's messages may quote the number, which must not reach the logs in full.
        String message = json != null && json.containsKey("message")
                ? E164.matcher(json.getString("message", "")).replaceAll(match -> PhoneNumber.mask(match.group())) : "";
        boolean retryable = status == 429 || status >= 500 || RETRYABLE_CODES.contains(code);
        throw new SmsGatewayException("Twilio rejected the message with HTTP " + status
                + (code == null ? "" : ", error " + code) + (message.isEmpty() ? "" : ": " + message), code, retryable, null);
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
