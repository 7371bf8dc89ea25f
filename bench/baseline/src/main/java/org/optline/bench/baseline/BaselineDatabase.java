package org.optline.bench.baseline;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The baseline's data source, defined the way Optline defines its own: the same MicroProfile Config
 * keys ({@code OPTLINE_DB_URL}, {@code OPTLINE_DB_USER}, {@code OPTLINE_DB_PASSWORD}), driver, pool
 * sizes and connection validation, so that the comparison measures Optline's code and not its pool.
 */
@ApplicationScoped
@DataSourceDefinition(
        name = BaselineDatabase.JNDI_NAME,
        className = "org.mariadb.jdbc.MariaDbDataSource",
        url = "${MPCONFIG=optline.db.url}",
        user = "${MPCONFIG=optline.db.user}",
        password = "${MPCONFIG=optline.db.password}",
        minPoolSize = 2,
        maxPoolSize = 64,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                "fish.payara.validate-atmost-once-period-in-seconds=30",
                "fish.payara.fail-all-connections=true"
        })
public class BaselineDatabase {

    public static final String JNDI_NAME = "java:app/jdbc/baseline";
}
