package dev.aio.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code aio} command and its sub-commands. Holds what the sub-commands share: the
 * environment they read (a map, so tests pass their own) and the streams they print to.
 */
@Command(name = "aio", mixinStandardHelpOptions = true, version = "aio 0.1.0-SNAPSHOT",
        description = "Ingest documents into an embedded vector store and answer questions with citations.",
        subcommands = {IngestCommand.class, SearchCommand.class, AskCommand.class, EmbedCommand.class,
            StatsCommand.class, DescribeCommand.class, WatchCommand.class, CommandLine.HelpCommand.class})
public final class AioCommand implements Runnable {

    private final Map<String, String> env;
    private PrintWriter out;
    private PrintWriter err;

    /** @param env the environment the commands read (LLM settings, S3 credentials) */
    public AioCommand(Map<String, String> env) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }

    /**
     * A command line ready to execute: errors print as one {@code aio: ...} line on {@code err}
     * with exit code 1, usage errors with picocli's usage help and exit code 1 too.
     *
     * @param env the environment
     * @param out standard output
     * @param err standard error
     * @return the command line
     */
    public static CommandLine commandLine(Map<String, String> env, PrintWriter out, PrintWriter err) {
        AioCommand root = new AioCommand(env);
        root.out = out;
        root.err = err;
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> ExitCodes.FAILURE);
        // Exit code 2 means "dead letters" here, so usage errors (picocli's 2) are 1 like any failure.
        cl.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.FAILURE);
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.FAILURE));
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("aio: " + Errors.describe(e));
            err.flush();
            return ExitCodes.FAILURE;
        });
        return cl;
    }

    /** @return the environment */
    Map<String, String> env() {
        return env;
    }

    /** @return standard output */
    PrintWriter out() {
        return out;
    }

    /** @return standard error */
    PrintWriter err() {
        return err;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(out);
    }
}
