package org.optline.bench.baseline;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The bare baseline of an opt-in form submission: the rows a new SMS opt-in must write, with plain JDBC
 * in one container transaction. It stores the number on the contact, locks the contact's chain head,
 * inserts the opt-in event with a SHA-256 over its fields and the previous hash, upserts the state and
 * moves the head. It parses no number (the request carries E.164), checks no token, form or idempotency
 * key, stores no shown text, submission row or conversation line, and renders no HTML: that is the work
 * the ratio to Optline's endpoint measures. Its hash text is simpler than Optline's, so Optline's chain
 * verification does not accept the baseline's events.
 */
@Path("optins")
@ApplicationScoped
@Produces(MediaType.TEXT_PLAIN)
public class OptInResource {

    /** The actor recorded on the baseline's events, so that the benchmark's check can count them. */
    public static final String ACTOR_ID = "bench-bare-optin";
    /** The SMS opt-in type "Order updates" of the benchmark data. */
    private static final long TYPE_ID = 1;
    private static final String GENESIS = "0".repeat(64);

    @Resource(lookup = BaselineDatabase.JNDI_NAME)
    DataSource dataSource;

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response optIn(@FormParam("contact") long contactId, @FormParam("phone") String phone,
                          @Context HttpServletRequest request) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE contact SET phone = ?, "
                    + "phone_type = 'FIXED_LINE_OR_MOBILE', updated_at = ?, version = version + 1 "
                    + "WHERE id = ? AND deleted_at IS NULL")) {
                update.setString(1, phone);
                update.setTimestamp(2, now);
                update.setLong(3, contactId);
                if (update.executeUpdate() != 1) {
                    return Response.status(Response.Status.NOT_FOUND).entity("Contact " + contactId + " was not found.")
                            .build();
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO consent_chain (contact_id, length, "
                    + "head_hash) VALUES (?, 0, ?) ON DUPLICATE KEY UPDATE length = length")) {
                insert.setLong(1, contactId);
                insert.setString(2, GENESIS);
                insert.executeUpdate();
            }
            int seq;
            String previousHash;
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT length, head_hash FROM consent_chain WHERE contact_id = ? FOR UPDATE")) {
                select.setLong(1, contactId);
                try (ResultSet head = select.executeQuery()) {
                    head.next();
                    seq = head.getInt(1) + 1;
                    previousHash = head.getString(2);
                }
            }
            String ip = request.getRemoteAddr();
            String userAgent = request.getHeader("User-Agent");
            String hash = sha256(String.join("\n", String.valueOf(contactId), String.valueOf(seq),
                    String.valueOf(TYPE_ID), "OPT_IN", now.toInstant().toString(), "FORM", "CUSTOMER", ACTOR_ID, phone,
                    ip, String.valueOf(userAgent), previousHash));
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO consent_event (contact_id, seq, "
                    + "subscription_type_id, action, occurred_at, source, actor_kind, actor_id, phone, ip_address, "
                    + "user_agent, previous_hash, hash) VALUES (?, ?, ?, 'OPT_IN', ?, 'FORM', 'CUSTOMER', ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, contactId);
                insert.setInt(2, seq);
                insert.setLong(3, TYPE_ID);
                insert.setTimestamp(4, now);
                insert.setString(5, ACTOR_ID);
                insert.setString(6, phone);
                insert.setString(7, ip);
                insert.setString(8, userAgent);
                insert.setString(9, previousHash);
                insert.setString(10, hash);
                insert.executeUpdate();
            }
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO consent_state (contact_id, "
                    + "subscription_type_id, state, event_seq, source, actor_kind, phone, changed_at) "
                    + "VALUES (?, ?, 'OPT_IN', ?, 'FORM', 'CUSTOMER', ?, ?) ON DUPLICATE KEY UPDATE state = VALUES(state), "
                    + "event_seq = VALUES(event_seq), source = VALUES(source), actor_kind = VALUES(actor_kind), "
                    + "phone = VALUES(phone), changed_at = VALUES(changed_at)")) {
                upsert.setLong(1, contactId);
                upsert.setLong(2, TYPE_ID);
                upsert.setInt(3, seq);
                upsert.setString(4, phone);
                upsert.setTimestamp(5, now);
                upsert.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE consent_chain SET length = ?, head_hash = ? WHERE contact_id = ?")) {
                update.setInt(1, seq);
                update.setString(2, hash);
                update.setLong(3, contactId);
                update.executeUpdate();
            }
        }
        return Response.ok("Opted in.").build();
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
