package org.optline.messaging.api;

/** A message the gateway did not send, with the provider's error code when there is one. */
public class SmsGatewayException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final boolean retryable;

    public SmsGatewayException(String message, String code, boolean retryable, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryable = retryable;
    }

    /** Returns the provider's error code, such as Twilio's 21610 for a number that opted out, or null. */
    public String code() {
        return code;
    }

    /** Returns whether a later attempt may succeed, as after a timeout or a 5xx answer. */
    public boolean retryable() {
        return retryable;
    }
}
