package dev.aio.spring.boot.internal;

import dev.aio.core.ingest.InMemoryLedger;
import dev.aio.core.ingest.JdbcLedger;
import dev.aio.core.ingest.Ledger;
import dev.aio.spring.boot.AioProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the ledger {@code aio.ledger.*} describes. */
public final class Ledgers {

    private Ledgers() {
    }

    /**
     * @param p the properties
     * @return the ledger, ready to use; the caller closes it
     */
    public static Ledger create(AioProperties.Ledger p) {
        return switch (p.type()) {
            case MEMORY -> new InMemoryLedger();
            case SQLITE -> sqlite(p.path());
        };
    }

    private static Ledger sqlite(Path path) {
        Props.requireClass("org.sqlite.JDBC", "aio.ledger.type=sqlite", "org.xerial:sqlite-jdbc");
        Path file = Props.require(path, "aio.ledger.path", "when aio.ledger.type=sqlite").toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            return JdbcLedger.sqlite(file);
        } catch (IOException | RuntimeException e) {
            throw Props.missing("aio.ledger.path", "to be a file SQLite can open (" + file + ": " + e.getMessage() + ")");
        }
    }
}
