package org.optline.subscriptions.control;

/** Describes the database errors that reach the bulk job worker, for its log and the job's failure column. */
final class SqlErrors {

    private SqlErrors() {
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
