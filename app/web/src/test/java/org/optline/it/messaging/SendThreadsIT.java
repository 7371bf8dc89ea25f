package org.optline.it.messaging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.optline.it.support.ApiClient;
import org.optline.it.support.LocalPayara;
import org.optline.it.support.PageSession;
import org.optline.it.support.TestCredentials;
import org.optline.it.support.TestDatabase;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One instance sends with two threads through a gateway that does not deduplicate: Twilio, played by a
 * local HTTP server on 127.0.0.1. The server responds slowly to the numbers of the first batch, so the
 * thread sending that batch outlasts its lease. The other thread is still busy with the rest of the
 * send when that lease expires, and takes the batch's remaining rows over. The first thread must then
 * stop sending them, as an instance that lost its lease does: every number gets at most one request.
 */
class SendThreadsIT {

    private static final int RECIPIENTS = 600;
    /** The first batch of a gateway that sends one message per call, as in SendWorker. */
    private static final int SLOW_RECIPIENTS = 50;
    /** Fifty responses of 400 ms each take 20 s, four leases of 5 s. */
    private static final Duration SLOW_RESPONSE = Duration.ofMillis(400);
    /** The other 550 responses take at least 11 s, so the second thread still claims work after 5 s. */
    private static final Duration FAST_RESPONSE = Duration.ofMillis(20);

    private HttpServer twilio;
    private ExecutorService twilioThreads;
    private final Map<String, AtomicInteger> requestsPerNumber = new ConcurrentHashMap<>();
    private final AtomicInteger messageCount = new AtomicInteger();
    private volatile Set<String> slowNumbers = Set.of();

    @BeforeEach
    void startTwilio() throws IOException {
        twilio = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        twilio.createContext("/", this::respond);
        // Both sending threads call at once, and with one server thread the fast one would wait for the slow one.
        twilioThreads = Executors.newFixedThreadPool(8);
        twilio.setExecutor(twilioThreads);
        twilio.start();
    }

    @AfterEach
    void stopTwilio() {
        twilio.stop(0);
        twilioThreads.shutdownNow();
    }

    private void respond(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String to = "";
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2 && parts[0].equals("To")) {
                to = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        requestsPerNumber.computeIfAbsent(to, number -> new AtomicInteger()).incrementAndGet();
        try {
            Thread.sleep(slowNumbers.contains(to) ? SLOW_RESPONSE : FAST_RESPONSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] response = ("{\"sid\": \"SM" + String.format("%032d", messageCount.incrementAndGet())
                + "\", \"status\": \"queued\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(201, response.length);
        exchange.getResponseBody().write(response);
        exchange.close();
    }

    @Test
    void threadsSendEachNumberOnce() {
        String tag = "SendThreads" + UUID.randomUUID().toString().substring(0, 8);
        int firstNumber = new SecureRandom().nextInt(9_000_000);
        List<String> numbers = IntStream.range(0, RECIPIENTS)
                .mapToObj(index -> "+81902" + String.format("%07d", firstNumber + index)).toList();
        List<String> settings = List.of("optline.sms.send-threads=2", "optline.sms.lease-seconds=5",
                "optline.sms.quiet-hours.start=00:00:00", "optline.sms.quiet-hours.end=00:00:01",
                "optline.sms.gateway=twilio", "optline.twilio.base-url=http://127.0.0.1:" + twilio.getAddress().getPort(),
                "optline.twilio.account-sid=AC0123456789abcdef0123456789abcdef", "optline.twilio.auth-token=test-auth-token",
                "optline.twilio.from=+15005550006");
        long send;
        List<Long> contacts;
        try (LocalPayara payara = LocalPayara.start("send-threads", settings)) {
            // Inserted after the instance migrated the database. Their ids ascend, so the first ones form the first batch.
            contacts = TestDatabase.insertContactsWithPhones(tag, RECIPIENTS, numbers::get);
            slowNumbers = Set.copyOf(numbers.subList(0, SLOW_RECIPIENTS));
            ApiClient api = new ApiClient(payara.base(), TestCredentials.apiToken());
            MessagingFixtures fixtures = new MessagingFixtures(api, PageSession.signedInAdmin(payara.base()));
            String type = fixtures.smsType("Threads " + tag, "opt_in", "live");
            MessagingFixtures.optInByBulkJob(api, type, tag);

            send = fixtures.send("Threads test {{name}}", type, null);
            MessagingFixtures.awaitDone(send, Duration.ofMinutes(3));
        }

        Map<Long, MessagingFixtures.Recipient> recipients = MessagingFixtures.recipients(send);
        Map<String, Integer> requests = requestsPerNumber.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get()));

        assertThat(recipients.keySet()).as("recipients").containsExactlyInAnyOrderElementsOf(contacts);
        assertThat(requests.keySet()).as("numbers the gateway was asked to text").isEqualTo(Set.copyOf(numbers));
        assertThat(requests.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("numbers texted more than once").isEmpty();
    }

}
