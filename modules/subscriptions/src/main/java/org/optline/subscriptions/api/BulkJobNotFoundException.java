package org.optline.subscriptions.api;

import org.optline.platform.ResourceNotFoundException;

/** A bulk consent job id that matches no job. */
public class BulkJobNotFoundException extends ResourceNotFoundException {

    private static final long serialVersionUID = 1L;

    public BulkJobNotFoundException(String id) {
        super("Bulk consent job " + id + " was not found. Use the id that creating the job returned.");
    }
}
