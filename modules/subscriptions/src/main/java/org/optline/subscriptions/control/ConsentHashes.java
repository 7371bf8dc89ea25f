package org.optline.subscriptions.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Computes the hash that links each consent event to the one before it. The hash covers every field
 * of the event and the previous event's hash, so changing, removing or reordering any stored event
 * breaks every later link.
 *
 * <p>The input is a versioned text, one {@code name=value} line per field in a fixed order, with
 * back-slashes and line breaks in values escaped; an absent value is written as an empty string.
 * Changing this format needs a new version prefix, because stored hashes must stay checkable: an event
 * with a keyword or an inbound message (SMS keywords and confirmations) is hashed in format v2, which
 * adds those two lines; every other event keeps format v1, so hashes stored before v2 still check.
 */
public final class ConsentHashes {

    /** The previous hash of a contact's first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final String VERSION = "optline-consent-v1";
    private static final String VERSION_WITH_SMS = "optline-consent-v2";

    private ConsentHashes() {
    }

    /** The fields of an event, in the order they are hashed. */
    public record Fields(long contactId, int seq, long subscriptionTypeId, String action, Instant occurredAt,
                         String source, String actorKind, String actorId, String phone, String ipAddress,
                         String userAgent, Long conversationId, Long messageId, String shownTextSha256,
                         String overrideReason, Long bulkJobId, String previousHash, String keyword,
                         Long inboundSmsId) {

        /** Returns the fields of an event without a keyword or an inbound message. */
        public Fields(long contactId, int seq, long subscriptionTypeId, String action, Instant occurredAt,
                      String source, String actorKind, String actorId, String phone, String ipAddress,
                      String userAgent, Long conversationId, Long messageId, String shownTextSha256,
                      String overrideReason, Long bulkJobId, String previousHash) {
            this(contactId, seq, subscriptionTypeId, action, occurredAt, source, actorKind, actorId, phone, ipAddress,
                    userAgent, conversationId, messageId, shownTextSha256, overrideReason, bulkJobId, previousHash, null,
                    null);
        }

        boolean fromSms() {
            return keyword != null || inboundSmsId != null;
        }
    }

    public static String hash(Fields event) {
        StringBuilder text = new StringBuilder(event.fromSms() ? VERSION_WITH_SMS : VERSION).append('\n');
        line(text, "contact_id", event.contactId());
        line(text, "seq", event.seq());
        line(text, "subscription_type_id", event.subscriptionTypeId());
        line(text, "action", event.action());
        line(text, "occurred_at", truncate(event.occurredAt()));
        line(text, "source", event.source());
        line(text, "actor_kind", event.actorKind());
        line(text, "actor_id", event.actorId());
        line(text, "phone", event.phone());
        line(text, "ip_address", event.ipAddress());
        line(text, "user_agent", event.userAgent());
        line(text, "conversation_id", event.conversationId());
        line(text, "message_id", event.messageId());
        line(text, "shown_text_sha256", event.shownTextSha256());
        line(text, "override_reason", event.overrideReason());
        line(text, "bulk_job_id", event.bulkJobId());
        if (event.fromSms()) {
            line(text, "keyword", event.keyword());
            line(text, "inbound_sms_id", event.inboundSmsId());
        }
        line(text, "previous_hash", event.previousHash());
        return sha256(text.toString());
    }

    /** Returns {@code time} cut to microseconds, the precision MariaDB stores, so stored events hash the same. */
    public static Instant truncate(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void line(StringBuilder text, String name, Object value) {
        String escaped = value == null ? "" : value.toString().replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
        text.append(name).append('=').append(escaped).append('\n');
    }
}
