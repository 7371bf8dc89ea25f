package org.optline.optinform.entity;

/** Where an inserted opt-in form is: waiting for the customer, or submitted once. */
public enum FormState {
    WAITING,
    SUBMITTED
}
