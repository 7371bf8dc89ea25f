package org.optline.subscriptions.api;

import java.sql.SQLException;

/** The database failed while reading or writing consent records; nothing was recorded. */
public class ConsentStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConsentStorageException(SQLException cause) {
        super("The consent record could not be read or written: " + cause.getMessage(), cause);
    }
}
