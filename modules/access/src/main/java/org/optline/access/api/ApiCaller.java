package org.optline.access.api;

/** The integrator behind an API request: the token that authenticated it. */
public record ApiCaller(long tokenId, String tokenName) {

    /** Returns how consent records and logs name this caller, without the token value. */
    public String actor() {
        return "api-token:" + tokenId;
    }
}
