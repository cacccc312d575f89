package dev.aio.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;

/** The entry point of {@code aio.jar}. */
public final class Main {

    private Main() {
    }

    /**
     * Runs one command and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // Library warnings (a dead letter, no GPU found) repeat what the command reports itself.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
        Charset cs = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        int code = AioCommand.commandLine(System.getenv(), out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
