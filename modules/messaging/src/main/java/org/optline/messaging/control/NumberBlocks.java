package org.optline.messaging.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.optline.platform.StoredEnums;
import org.optline.subscriptions.api.ConsentSource;
import org.optline.subscriptions.api.NumberBlockCheck;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code sms_number_block}: the numbers that texted an opt-out keyword, or that the carrier reported
 * opted out, and have not texted an opt-in keyword since. Such a number gets only the confirmations the
 * rules require, whichever contact has it now.
 */
@ApplicationScoped
public class NumberBlocks implements NumberBlockCheck {

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Override
    public Optional<ConsentSource> blockedBy(String e164) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT source FROM sms_number_block "
                     + "WHERE phone = ?")) {
            select.setString(1, e164);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(StoredEnums.require(ConsentSource.class, row.getString(1),
                        "sms_number_block.source")) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the block of a number failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String blockedSql(String phoneColumn) {
        return "EXISTS (SELECT 1 FROM sms_number_block nb WHERE nb.phone = " + phoneColumn + ")";
    }

    /** Returns those of the numbers {@code e164s} that are blocked, read in one query. */
    public Set<String> blockedAmong(Collection<String> e164s) {
        Set<String> blocked = new HashSet<>();
        if (e164s.isEmpty()) {
            return blocked;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT phone FROM sms_number_block WHERE phone IN ("
                     + String.join(",", Collections.nCopies(e164s.size(), "?")) + ")")) {
            int index = 1;
            for (String e164 : e164s) {
                select.setString(index++, e164);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    blocked.add(rows.getString(1));
                }
            }
            return blocked;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the blocks of " + e164s.size() + " numbers failed: " + e.getMessage(), e);
        }
    }

    /** Returns since when {@code e164} is blocked, or empty when it is not. */
    public Optional<Instant> blockedSince(String e164) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT blocked_at FROM sms_number_block "
                     + "WHERE phone = ?")) {
            select.setString(1, e164);
            try (ResultSet row = select.executeQuery()) {
                // The column stores UTC, whatever the JVM's time zone.
                return row.next() ? Optional.of(row.getTimestamp(1).toLocalDateTime().toInstant(ZoneOffset.UTC))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the block of a number failed: " + e.getMessage(), e);
        }
    }
}
