package org.optline.messaging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.optline.messaging.api.SmsGateway;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/** Chooses the SMS gateway from {@code optline.sms.gateway}: {@code sandbox} (the default) or {@code twilio}. */
@ApplicationScoped
public class Gateways {

    private static final Logger LOG = Logger.getLogger(Gateways.class.getName());

    /** The path of the webhook that takes Twilio's status callbacks, below the public URL. */
    public static final String STATUS_CALLBACK_PATH = "/webhooks/twilio/status";

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "optline.sms.gateway", defaultValue = "sandbox")
    String gateway;

    @Inject
    @ConfigProperty(name = "optline.sms.sandbox.delay-ms", defaultValue = "0")
    long sandboxDelayMillis;

    @Inject
    @ConfigProperty(name = "optline.twilio.base-url", defaultValue = "https://api.twilio.com")
    String twilioBaseUrl;

    @Inject
    @ConfigProperty(name = "optline.twilio.account-sid")
    Optional<String> twilioAccountSid;

    @Inject
    @ConfigProperty(name = "optline.twilio.auth-token")
    Optional<String> twilioAuthToken;

    @Inject
    @ConfigProperty(name = "optline.twilio.from")
    Optional<String> twilioFrom;

    @Inject
    @ConfigProperty(name = "optline.twilio.messaging-service-sid")
    Optional<String> twilioMessagingServiceSid;

    @Inject
    @ConfigProperty(name = "optline.public.url")
    Optional<String> publicUrl;

    @Produces
    @ApplicationScoped
    SmsGateway gateway() {
        String name = gateway.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "sandbox" -> {
                if (sandboxDelayMillis < 0) {
                    throw new IllegalStateException("optline.sms.sandbox.delay-ms is " + sandboxDelayMillis
                            + "; set it to 0 or more milliseconds.");
                }
                LOG.info(() -> "SMS gateway: sandbox; messages are stored in the outbox at /admin/outbox"
                        + (sandboxDelayMillis == 0 ? "" : " after a delay of " + sandboxDelayMillis + " ms each"));
                yield new SandboxGateway(dataSource, clock, Duration.ofMillis(sandboxDelayMillis));
            }
            case "twilio" -> {
                String statusCallback = publicUrl.filter(url -> !url.isBlank())
                        .map(url -> url.strip().replaceAll("/+$", "") + STATUS_CALLBACK_PATH).orElse(null);
                LOG.info(() -> "SMS gateway: Twilio at " + twilioBaseUrl + (statusCallback == null
                        ? "; no status callbacks, because optline.public.url is not set"
                        : "; status callbacks to " + statusCallback));
                yield new TwilioGateway(twilioBaseUrl, twilioAccountSid.orElse(null), twilioAuthToken.orElse(null),
                        twilioFrom.orElse(null), twilioMessagingServiceSid.orElse(null), statusCallback,
                        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
            }
            default -> throw new IllegalStateException("optline.sms.gateway '" + gateway + "' is unknown. Use sandbox "
                    + "or twilio.");
        };
    }
}
