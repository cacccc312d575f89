package dev.aio.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command takes: the store directory and machine-readable output. */
public final class CommonOptions {

    /** The store directory unless {@code --store} says otherwise. */
    public static final String DEFAULT_STORE = "./.aio";

    @Option(names = "--store", paramLabel = "DIR", defaultValue = DEFAULT_STORE,
            description = "The embedded store to work on (default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--json", description = "Print machine-readable JSON instead of text.")
    boolean json;

    /** @return the store directory */
    public Path store() {
        return store;
    }

    /** @return whether to print JSON */
    public boolean json() {
        return json;
    }
}
