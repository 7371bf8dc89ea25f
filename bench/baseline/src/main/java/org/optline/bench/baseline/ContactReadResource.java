package org.optline.bench.baseline;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The primary-key baseline: one read of the {@code contact} table by id through the JTA data source,
 * inside a container transaction, and the row as JSON. Any Optline endpoint that reads a contact pays
 * at least this much.
 */
@Path("contacts/{id}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ContactReadResource {

    /** The columns read, as JSON. */
    public record ContactRow(String type, String id, String role, String email, String phone) {
    }

    @Resource(lookup = BaselineDatabase.JNDI_NAME)
    DataSource dataSource;

    @GET
    @Transactional
    public Response read(@PathParam("id") long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id, role, email, phone FROM contact WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Response.status(Response.Status.NOT_FOUND).build();
                }
                return Response.ok(new ContactRow("contact", String.valueOf(row.getLong(1)), row.getString(2),
                        row.getString(3), row.getString(4))).build();
            }
        }
    }
}
