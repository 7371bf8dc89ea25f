package org.optline.it.db;

import jakarta.annotation.Resource;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.optline.it.support.OptlineDeployment;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Optline's data source inside the running app. JTA transactions reach MariaDB as local transactions,
 * because a Galera node rejects XA, and they commit and roll back whole. Every connection taken inside
 * one transaction is the same server session, even while an earlier one is still open.
 */
@ExtendWith(ArquillianExtension.class)
class LocalTransactionsIT {

    @Deployment
    static WebArchive deployment() {
        return OptlineDeployment.packagedWar();
    }

    @Resource(lookup = "java:app/jdbc/optline")
    DataSource dataSource;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction transaction;

    @BeforeEach
    void createTable() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS it_local_transaction (name VARCHAR(64) PRIMARY KEY)");
        }
    }

    @Test
    void committedRowIsStored() throws Exception {
        String name = UUID.randomUUID().toString();

        transaction.begin();
        insert(name);
        transaction.commit();

        assertTrue(exists(name));
    }

    @Test
    void rolledBackRowIsGone() throws Exception {
        String name = UUID.randomUUID().toString();

        transaction.begin();
        insert(name);
        assertTrue(exists(name), "the transaction reads its own row");
        transaction.rollback();

        assertFalse(exists(name));
    }

    @Test
    void nestedConnectionsShareOneSession() throws Exception {
        transaction.begin();
        try (Connection outer = dataSource.getConnection()) {
            long outerSession = single(outer, "SELECT CONNECTION_ID()");
            try (Connection inner = dataSource.getConnection()) {
                assertEquals(outerSession, single(inner, "SELECT CONNECTION_ID()"));
                assertEquals(1, single(inner, "SELECT @@in_transaction"));
            }
        } finally {
            transaction.rollback();
        }

        try (Connection outside = dataSource.getConnection()) {
            assertEquals(0, single(outside, "SELECT @@in_transaction"), "autocommit outside a transaction");
        }
    }

    @Test
    void serverSeesCommitNotXa() throws Exception {
        long xaStartsBefore = globalStatus("Com_xa_start");
        long commitsBefore = globalStatus("Com_commit");

        transaction.begin();
        insert(UUID.randomUUID().toString());
        transaction.commit();

        assertEquals(xaStartsBefore, globalStatus("Com_xa_start"));
        assertTrue(globalStatus("Com_commit") > commitsBefore);
    }

    private void insert(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO it_local_transaction (name) VALUES (?)")) {
            insert.setString(1, name);
            insert.executeUpdate();
        }
    }

    private boolean exists(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT COUNT(*) FROM it_local_transaction WHERE name = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1) == 1;
            }
        }
    }

    private long globalStatus(String variable) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = ?")) {
            select.setString(1, variable.toUpperCase());
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "status variable " + variable);
                return row.getLong(1);
            }
        }
    }

    private static long single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }
}
