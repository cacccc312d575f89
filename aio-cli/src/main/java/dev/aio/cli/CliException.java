package dev.aio.cli;

/**
 * A failure the user can act on: {@link Main} prints its message on one line, without a stack
 * trace, and exits with {@link #exitCode()}. Messages never carry a secret.
 */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /**
     * @param message what went wrong and what to do
     */
    public CliException(String message) {
        this(message, null);
    }

    /**
     * @param message what went wrong and what to do
     * @param cause the underlying failure, kept for {@code --verbose}-style debugging
     */
    public CliException(String message, Throwable cause) {
        super(message, cause);
        this.exitCode = ExitCodes.FAILURE;
    }

    /** @return the process exit code to use */
    public int exitCode() {
        return exitCode;
    }
}
