package org.optline.messaging.control.notices;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.optline.contacts.api.PhoneNumber;
import org.optline.helpdesk.api.Conversations;
import org.optline.messaging.api.SmsGateway;
import org.optline.messaging.api.SmsGatewayException;
import org.optline.messaging.control.Backoff;
import org.optline.messaging.control.NumberBlocks;
import org.optline.messaging.control.TwilioGateway;
import org.optline.messaging.control.carrier.CarrierOptOuts;
import org.optline.platform.StartupCompleted;
import org.optline.platform.work.PollingLoop;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends the queued notices of {@code sms_notice} from every app instance, exactly once where the gateway
 * deduplicates by idempotency key, as campaign messages are sent. Notices answer the customer's own
 * texts or are required by the rules, so they are sent at any hour and without a consent check.
 */
@ApplicationScoped
public class NoticeWorker {

    private static final Logger LOG = Logger.getLogger(NoticeWorker.class.getName());

    private static final long POLL_SECONDS = 1;
    static final int BATCH = 20;

    /** The notices that never go to a number that texted STOP. */
    private static final Set<NoticeKind> BLOCKED_KINDS = EnumSet.of(NoticeKind.AGENT_REPLY, NoticeKind.DOUBLE_OPT_IN);

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService executor;

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Inject
    SmsGateway gateway;

    @Inject
    CarrierOptOuts carrierOptOuts;

    @Inject
    NumberBlocks numberBlocks;

    @Inject
    Conversations conversations;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "optline.sms.lease-seconds", defaultValue = "60")
    int leaseSeconds;

    private final PollingLoop loop = new PollingLoop("SMS notice worker", LOG);

    void start(@Observes StartupCompleted event) {
        leaseSeconds = Math.max(leaseSeconds, 5);
        loop.start(executor, POLL_SECONDS, this::poll);
        LOG.info(() -> "SMS notice worker " + loop.owner() + " started, lease " + leaseSeconds + " s");
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }

    /** Sends batches until none is due. */
    void poll() {
        while (!loop.stopping() && sendBatch() > 0) {
            // Claims the next batch at once; a round ends when nothing is due.
        }
    }

    private int sendBatch() {
        String owner = loop.owner();
        List<NoticeClaims.Claimed> batch = run(connection -> new NoticeClaims(connection).claim(owner, leaseSeconds, BATCH));
        for (NoticeClaims.Claimed notice : batch) {
            if (loop.stopping()) {
                break;
            }
            Instant now = clock.instant();
            if (notice.inDoubt() && !gateway.deduplicates()) {
                record(notice, "FAILED", "The instance sending this notice stopped during the gateway call; check the "
                        + "provider's message log for this number.", null, notice.attempts(), null, now);
                continue;
            }
            // Confirmations of STOP and START and HELP answers go to a blocked number, as the rules require; an
            // agent's reply or a double opt-in request does not, even when it was queued before the STOP.
            Optional<Instant> blocked = BLOCKED_KINDS.contains(notice.kind())
                    ? numberBlocks.blockedSince(notice.toNumber())
                    : Optional.empty();
            if (blocked.isPresent()) {
                String detail = "Not sent: the number texted STOP (or its carrier reported an opt-out) at " + blocked.get()
                        + ". It can be texted again after it texts START.";
                record(notice, "FAILED", detail, null, notice.attempts(), null, now);
                LOG.info(() -> "SMS notice " + notice.id() + " (" + notice.kind() + ") not sent: "
                        + PhoneNumber.mask(notice.toNumber()) + " is blocked by an opt-out");
                continue;
            }
            if (!run(connection -> new NoticeClaims(connection).markGatewayCall(notice, owner))) {
                LOG.warning(() -> "SMS notice " + notice.id() + ": " + owner + " lost its claim before the gateway call");
                continue;
            }
            send(notice, now);
        }
        return batch.size();
    }

    private void send(NoticeClaims.Claimed notice, Instant now) {
        int attempts = notice.attempts() + 1;
        try {
            String providerId = gateway.send(notice.toNumber(), notice.body(), notice.idempotencyKey());
            record(notice, "SENT", null, null, attempts, providerId, now);
        } catch (SmsGatewayException e) {
            Optional<Duration> delay = e.retryable() ? Backoff.after(attempts) : Optional.empty();
            String state = delay.isPresent() ? "PENDING" : "FAILED";
            record(notice, state, e.getMessage(), delay.map(now::plus).orElse(null), attempts, null, now);
            LOG.info(() -> "SMS notice " + notice.id() + " to " + PhoneNumber.mask(notice.toNumber()) + ": " + state
                    + " after attempt " + attempts + (e.code() == null ? "" : ", provider code " + e.code()) + ": "
                    + e.getMessage());
            if (TwilioGateway.OPTED_OUT.equals(e.code())) {
                carrierOptOuts.record(notice.toNumber(), "SMS notice " + notice.id());
            }
        }
    }

    private void record(NoticeClaims.Claimed notice, String state, String detail, Instant notBefore, int attempts,
                        String providerId, Instant now) {
        String owner = loop.owner();
        boolean recorded = run(connection -> new NoticeClaims(connection).record(notice, owner, state, detail, notBefore,
                attempts, providerId, now));
        if (!recorded) {
            LOG.warning(() -> "SMS notice " + notice.id() + ": " + owner + " lost its claim before recording " + state);
        } else if (state.equals("SENT")) {
            LOG.info(() -> "SMS notice " + notice.id() + " sent to " + PhoneNumber.mask(notice.toNumber()) + " as "
                    + providerId);
        } else if (state.equals("FAILED") && notice.partId() != null) {
            tellAgent(notice, detail);
        }
    }

    /** Adds a line under an agent's reply that did not go out, so the conversation does not show it as sent. */
    private void tellAgent(NoticeClaims.Claimed notice, String detail) {
        try {
            conversations.addEventAfterPart(notice.partId(), "The text message reply above was not delivered. " + detail);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SMS notice " + notice.id() + " failed, and adding that to the conversation of part "
                    + notice.partId() + " failed too", e);
        }
    }

    private interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T run(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("SMS notice storage failed: " + e.getMessage(), e);
        }
    }
}
