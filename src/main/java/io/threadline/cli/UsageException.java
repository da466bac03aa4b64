package io.threadline.cli;

/** A command that cannot be carried out: its exit status and a one-line message. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    /** A bad argument, parameter or file: exit status {@link Cli#BAD_INPUT}. */
    UsageException(String message) {
        this(Cli.BAD_INPUT, message);
    }

    UsageException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
