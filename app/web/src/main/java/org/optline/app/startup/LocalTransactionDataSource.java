package org.optline.app.startup;

import org.mariadb.jdbc.MariaDbDataSource;

import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.PooledConnection;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * MariaDB's data source without its XA side, so that Payara runs each transaction as a local one on
 * one connection.
 *
 * <p>Payara picks a pool's kind from the interfaces of the class that {@link Database} names, and
 * prefers XA when the class offers it, as {@link MariaDbDataSource} does. A MariaDB server in a Galera
 * cluster refuses {@code XA START}, so with XA no transaction of Optline could write there (decision
 * record 0024). Optline has one data source, so it needs no two-phase commit. This class offers the
 * pooled and plain connections of MariaDB's data source and nothing else.
 *
 * <p>Payara sets the URL, user and password through the setters, by name.
 */
public class LocalTransactionDataSource implements ConnectionPoolDataSource, DataSource {

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
}
