package org.optline.subscriptions.control;

import java.sql.SQLException;

/** Reads database errors out of the exceptions that reach the bulk job worker. */
final class SqlErrors {

    private SqlErrors() {
    }

    /** Returns whether {@code e} comes from a deadlock or lock wait timeout, which a retry may cure. */
    static boolean isDeadlock(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || sql.getErrorCode() == 1213
                    || sql.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the innermost message of {@code e}, which names the actual cause, with its exception type. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
