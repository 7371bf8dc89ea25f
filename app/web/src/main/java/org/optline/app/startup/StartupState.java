package org.optline.app.startup;

import jakarta.enterprise.context.ApplicationScoped;

/** Whether this instance has finished its start-up work: migrations, first admin, bootstrap token. */
@ApplicationScoped
public class StartupState {

    private volatile boolean complete;

    void markComplete() {
        complete = true;
    }

    public boolean isComplete() {
        return complete;
    }
}
