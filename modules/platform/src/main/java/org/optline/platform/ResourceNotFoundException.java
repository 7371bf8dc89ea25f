package org.optline.platform;

/** A request for something that does not exist, or that the caller may not know exists. */
public class ResourceNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public ResourceNotFoundException(String message) {
        super(null, message);
    }
}
