package org.optline.optinform.control;

import org.optline.platform.InvalidInputException;

/**
 * A submission that cannot be recorded as sent. Nothing of it is stored; the form shows the problem
 * next to the phone field and the customer may correct it.
 */
public class FormInputException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final FormProblem problem;
    private final String typed;

    public FormInputException(FormProblem problem, String typed, String message) {
        super("phone", message);
        this.problem = problem;
        this.typed = typed;
    }

    public FormProblem problem() {
        return problem;
    }

    /** Returns what the customer typed into the phone field, to show it back, or null. */
    public String typed() {
        return typed;
    }
}
