package org.optline.it.messaging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optline.messaging.api.SmsGatewayException;
import org.optline.messaging.control.TwilioGateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Twilio gateway against a local HTTP server on 127.0.0.1 that responds as Twilio's Messages API
 * does: 201 with a message sid, 400 with error 21610 for a recipient who replied STOP, and 500.
 */
class TwilioGatewayIT {

    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "test-auth-token";

    private HttpServer server;
    private final List<Map<String, String>> requests = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();
    private final List<String> paths = new ArrayList<>();
    private volatile int status = 201;
    private volatile String answer = "{\"sid\": \"SM0123456789abcdef0123456789abcdef\", \"status\": \"queued\"}";

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        synchronized (requests) {
            requests.add(form);
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            paths.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private TwilioGateway gateway() {
        return new TwilioGateway("http://127.0.0.1:" + server.getAddress().getPort() + "/", SID, TOKEN, "+15005550006",
                null, HttpClient.newHttpClient());
    }

    @Test
    void sendPostsFormAndReturnsSid() throws SmsGatewayException {
        String id = gateway().send("+14155550142", "Hi Ada, 20% off € today", "optline-sms-1-2");

        assertEquals("SM0123456789abcdef0123456789abcdef", id);
        assertEquals(1, requests.size());
        assertEquals("POST /2010-04-01/Accounts/" + SID + "/Messages.json", paths.getFirst());
        assertEquals("+14155550142", requests.getFirst().get("To"));
        assertEquals("+15005550006", requests.getFirst().get("From"));
        assertEquals("Hi Ada, 20% off € today", requests.getFirst().get("Body"));
        assertEquals("Basic " + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)),
                authorizations.getFirst());
    }

    @Test
    void messagingServiceReplacesFrom() throws SmsGatewayException {
        new TwilioGateway("http://127.0.0.1:" + server.getAddress().getPort(), SID, TOKEN, null,
                "MG0123456789abcdef0123456789abcdef", HttpClient.newHttpClient()).send("+14155550142", "Hi", "key");

        assertEquals("MG0123456789abcdef0123456789abcdef", requests.getFirst().get("MessagingServiceSid"));
        assertFalse(requests.getFirst().containsKey("From"));
    }

    @Test
    void unsubscribedRecipientIsFinal() {
        status = 400;
        answer = "{\"code\": 21610, \"message\": \"Attempt to send to unsubscribed recipient +14155550142\", "
                + "\"more_info\": \"https://www.twilio.com/docs/errors/21610\", \"status\": 400}";

        SmsGatewayException error = assertThrows(SmsGatewayException.class,
                () -> gateway().send("+14155550142", "Hi", "optline-sms-1-3"));

        assertEquals("21610", error.code());
        assertFalse(error.retryable());
        assertFalse(error.getMessage().contains("+14155550142"), error.getMessage());
    }

    @Test
    void serverErrorIsRetryable() {
        status = 500;
        answer = "{\"code\": 20500, \"message\": \"Internal Server Error\", \"status\": 500}";

        SmsGatewayException error = assertThrows(SmsGatewayException.class,
                () -> gateway().send("+14155550142", "Hi", "optline-sms-1-4"));

        assertTrue(error.retryable());
        assertEquals("20500", error.code());
    }

    @Test
    void unreachableServerIsRetryable() {
        int port = server.getAddress().getPort();
        server.stop(0);

        SmsGatewayException error = assertThrows(SmsGatewayException.class,
                () -> new TwilioGateway("http://127.0.0.1:" + port, SID, TOKEN, "+15005550006", null,
                        HttpClient.newHttpClient()).send("+14155550142", "Hi", "key"));

        assertTrue(error.retryable());
    }

    @Test
    void twilioDoesNotDeduplicate() {
        assertFalse(gateway().deduplicates());
    }
}
