package org.optline.app.startup;

import org.mariadb.jdbc.MariaDbDataSource;

import javax.sql.ConnectionEventListener;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.PooledConnection;
import javax.sql.StatementEventListener;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAResource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * MariaDB's data source with XA connections whose transactions are local: {@code START TRANSACTION}
 * and {@code COMMIT} instead of {@code XA START} and {@code XA COMMIT}.
 *
 * <p>A MariaDB server in a Galera cluster rejects {@code XA START}, so with MariaDB's own XA
 * connections no transaction of Optline could write there (decision record 0024). Optline has one
 * data source, and Payara commits a transaction of one resource in one phase, which a local
 * transaction does. The pool stays an XA pool because Payara shares an XA connection that is in use
 * with the rest of its transaction, while it gives a second pooled connection to a nested request for
 * a busy non-XA one. Code that keeps a connection open while it calls other code (the opt-in form's
 * submission does) would then hold two connections, and under load every pooled connection waited
 * for a second one.
 *
 * <p>Payara sets the URL, user and password through the setters, by name.
 */
public class LocalTransactionDataSource implements XADataSource, ConnectionPoolDataSource, DataSource {

    private final MariaDbDataSource mariaDb = new MariaDbDataSource();

    public String getUrl() {
        return mariaDb.getUrl();
    }

    public void setUrl(String url) throws SQLException {
        mariaDb.setUrl(url);
    }

    public String getUser() {
        return mariaDb.getUser();
    }

    public void setUser(String user) throws SQLException {
        mariaDb.setUser(user);
    }

    public void setPassword(String password) throws SQLException {
        mariaDb.setPassword(password);
    }

    @Override
    public XAConnection getXAConnection() throws SQLException {
        return new LocalXAConnection(mariaDb.getPooledConnection());
    }

    @Override
    public XAConnection getXAConnection(String user, String password) throws SQLException {
        return new LocalXAConnection(mariaDb.getPooledConnection(user, password));
    }

    @Override
    public PooledConnection getPooledConnection() throws SQLException {
        return mariaDb.getPooledConnection();
    }

    @Override
    public PooledConnection getPooledConnection(String user, String password) throws SQLException {
        return mariaDb.getPooledConnection(user, password);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return mariaDb.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return mariaDb.getConnection(user, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return mariaDb.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        mariaDb.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        mariaDb.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return mariaDb.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() {
        return mariaDb.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("LocalTransactionDataSource does not wrap a " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }

    /** A pooled MariaDB connection whose XA resource is a {@link LocalXAResource}. */
    private static final class LocalXAConnection implements XAConnection {

        private final PooledConnection pooled;
        private final XAResource resource;

        LocalXAConnection(PooledConnection pooled) throws SQLException {
            this.pooled = pooled;
            // MariaDB's pooled connection returns its one physical connection on every call.
            this.resource = new LocalXAResource(pooled.getConnection());
        }

        @Override
        public XAResource getXAResource() {
            return resource;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return pooled.getConnection();
        }

        @Override
        public void close() throws SQLException {
            pooled.close();
        }

        @Override
        public void addConnectionEventListener(ConnectionEventListener listener) {
            pooled.addConnectionEventListener(listener);
        }

        @Override
        public void removeConnectionEventListener(ConnectionEventListener listener) {
            pooled.removeConnectionEventListener(listener);
        }

        @Override
        public void addStatementEventListener(StatementEventListener listener) {
            pooled.addStatementEventListener(listener);
        }

        @Override
        public void removeStatementEventListener(StatementEventListener listener) {
            pooled.removeStatementEventListener(listener);
        }
    }
}
