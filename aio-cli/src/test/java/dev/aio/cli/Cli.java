package dev.aio.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code aio} in-process, as {@link Main} does, and keeps what it printed. */
final class Cli {

    /**
     * One command's result.
     *
     * @param code the exit code
     * @param out standard output
     * @param err standard error
     */
    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }

    private final Path store;
    private final Map<String, String> env;

    Cli(Path store, Map<String, String> env) {
        this.store = store;
        this.env = env;
    }

    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (args.length > 0 && !args[0].startsWith("-")) {
            all.add(1, "--store");
            all.add(2, store.toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AioCommand.commandLine(env, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }
}
