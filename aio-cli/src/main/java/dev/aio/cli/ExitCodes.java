package dev.aio.cli;

/** The exit codes of every {@code aio} command. */
public final class ExitCodes {

    /** Everything asked for was done. */
    public static final int OK = 0;
    /** The command failed: nothing, or not all, of what was asked was done. */
    public static final int FAILURE = 1;
    /** An ingest finished, but some objects were dead-lettered (see the report's reasons). */
    public static final int DEAD_LETTERS = 2;

    private ExitCodes() {
    }
}
