package org.optline.app.startup;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An XA resource that runs each transaction branch as a local transaction of one MariaDB connection,
 * for a transaction manager that commits it in one phase.
 *
 * <p>{@code start} begins a transaction with {@code START TRANSACTION} and a one-phase {@code commit}
 * sends {@code COMMIT}; the connection stays in autocommit mode outside a branch. It cannot prepare:
 * {@code prepare} rolls the branch back and reports it rolled back, so a transaction that enlisted a
 * second resource rolls back everywhere instead of committing in part. {@code recover} finds nothing,
 * because nothing is ever prepared.
 */
final class LocalXAResource implements XAResource {

    private static final Logger LOG = Logger.getLogger(LocalXAResource.class.getName());

    private final Connection connection;
    private Xid branch;
    private int timeoutSeconds;

    LocalXAResource(Connection connection) {
        this.connection = connection;
    }

    @Override
    public synchronized void start(Xid xid, int flags) throws XAException {
        if (flags == TMJOIN || flags == TMRESUME) {
            requireBranch(xid);
            return;
        }
        if (flags != TMNOFLAGS) {
            throw error(XAException.XAER_INVAL, "start with flags " + flags + " is not supported", null);
        }
        if (branch != null) {
            throw error(XAException.XAER_PROTO, "start of a new branch while another is active on this connection",
                    null);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("START TRANSACTION");
        } catch (SQLException e) {
            throw error(XAException.XAER_RMERR, "START TRANSACTION failed", e);
        }
        branch = xid;
    }

    @Override
    public synchronized void end(Xid xid, int flags) throws XAException {
        requireBranch(xid);
    }

    @Override
    public synchronized int prepare(Xid xid) throws XAException {
        requireBranch(xid);
        finish("ROLLBACK");
        throw error(XAException.XA_RBOTHER, "this data source commits in one phase only, so a transaction with a "
                + "second resource was rolled back", null);
    }

    @Override
    public synchronized void commit(Xid xid, boolean onePhase) throws XAException {
        requireBranch(xid);
        if (!onePhase) {
            throw error(XAException.XAER_PROTO, "two-phase commit without a prepared branch", null);
        }
        finish("COMMIT");
    }

    @Override
    public synchronized void rollback(Xid xid) throws XAException {
        requireBranch(xid);
        finish("ROLLBACK");
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0];
    }

    @Override
    public void forget(Xid xid) {
        // Nothing is prepared, so nothing is remembered.
    }

    @Override
    public boolean isSameRM(XAResource other) {
        // Each connection is its own resource: two connections never share one local transaction.
        return other == this;
    }

    @Override
    public int getTransactionTimeout() {
        return timeoutSeconds;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        timeoutSeconds = seconds;
        return false;
    }

    private void finish(String statementText) throws XAException {
        branch = null;
        try (Statement statement = connection.createStatement()) {
            statement.execute(statementText);
        } catch (SQLException e) {
            // A COMMIT that failed on the server (such as a Galera certification conflict) committed nothing,
            // but after a lost connection (SQL state 08...) whether it committed is unknown.
            boolean connectionLost = e.getSQLState() != null && e.getSQLState().startsWith("08");
            // Payara 7.2026.11 passes neither this XAException nor its cause on to the application, which gets
            // only a RollbackException, so this line is the only record of the server's error.
            LOG.info(() -> statementText + " failed with error " + e.getErrorCode() + " (SQL state " + e.getSQLState()
                    + "): " + e.getMessage());
            int code = connectionLost ? XAException.XAER_RMFAIL
                    : "COMMIT".equals(statementText) ? XAException.XA_RBROLLBACK : XAException.XAER_RMERR;
            throw error(code, statementText + " failed", e);
        }
    }

    private void requireBranch(Xid xid) throws XAException {
        if (branch == null || !sameXid(branch, xid)) {
            throw error(XAException.XAER_NOTA, "no active branch " + xid + " on this connection", null);
        }
    }

    /** Compares two ids by content, because a transaction manager may pass equal ids as different objects. */
    private static boolean sameXid(Xid a, Xid b) {
        return b != null && a.getFormatId() == b.getFormatId()
                && Arrays.equals(a.getGlobalTransactionId(), b.getGlobalTransactionId())
                && Arrays.equals(a.getBranchQualifier(), b.getBranchQualifier());
    }

    private static XAException error(int code, String message, SQLException cause) {
        XAException e = new XAException("Local transaction: " + message
                + (cause == null ? "" : ": " + cause.getMessage()));
        e.errorCode = code;
        if (cause != null) {
            e.initCause(cause);
            LOG.log(Level.FINE, message, cause);
        }
        return e;
    }
}
