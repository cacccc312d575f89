package dev.aio.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The sources ingested into a store, kept in a small JSON file so that {@code aio stats} can ask
 * the ledger about each of them through its public API. Written to a temporary file and moved
 * into place, so a crash leaves the old list or the new one, never half of one.
 */
public final class SourceRegistry {

    /**
     * One ingested source.
     *
     * @param source what the user typed (a path made absolute, or an s3:// URL)
     * @param store the object store's name, as the ledger knows it
     * @param bucket the bucket
     * @param prefix the key prefix
     */
    public record Entry(String source, String store, String bucket, String prefix) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    SourceRegistry(Path file) {
        this.file = file;
    }

    /** @return the sources, in the order first ingested */
    public List<Entry> list() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<List<Entry>>() { });
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records a source unless it is there already.
     *
     * @param entry the source
     */
    public void add(Entry entry) {
        List<Entry> all = new ArrayList<>(list());
        if (all.contains(entry)) {
            return;
        }
        all.add(entry);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), all);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
