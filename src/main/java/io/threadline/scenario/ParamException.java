package io.threadline.scenario;

/** A parameter value that cannot be used; the message is one line meant for the user. */
public final class ParamException extends Exception {
    private static final long serialVersionUID = 1L;

    public ParamException(String message) {
        super(message);
    }
}
