package org.optline.app.startup;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;

/**
 * The one data source of Optline. Its URL and credentials come from MicroProfile Config, so the
 * variables {@code OPTLINE_DB_URL}, {@code OPTLINE_DB_USER} and {@code OPTLINE_DB_PASSWORD} set them;
 * the launcher sets them to its embedded MariaDB when they are absent.
 *
 * <p>Transactions run at READ COMMITTED rather than MariaDB's default REPEATABLE READ. At REPEATABLE
 * READ a locking read that finds no row locks the gap where the row would be, and the consent ledger's
 * read of a new contact's states then deadlocked with other new contacts' inserts into the same gap.
 * The ledger serializes the changes of one contact by locking its chain head row, which needs no gap locks.
 *
 * <p>Transactions reach MariaDB as local transactions, not XA ones: see {@link LocalTransactionDataSource}.
 */
@ApplicationScoped
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "org.optline.app.startup.LocalTransactionDataSource",
        url = "${MPCONFIG=optline.db.url}",
        user = "${MPCONFIG=optline.db.user}",
        password = "${MPCONFIG=optline.db.password}",
        minPoolSize = 2,
        maxPoolSize = 64,
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                "fish.payara.validate-atmost-once-period-in-seconds=30",
                "fish.payara.fail-all-connections=true"
        })
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/optline";
}
