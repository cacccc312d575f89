package dev.aio.core.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends each dead letter as one JSON object per line to a file, flushed as it is written, so a
 * crash loses at most the line being written. Fields: {@code runId, stage, errorClass,
 * errorMessage, attempts, time, item}. The item is written as JSON when Jackson can serialise
 * it, and as its {@code toString()} otherwise. Thread-safe.
 */
public final class JsonLinesDeadLetterSink implements DeadLetterSink, AutoCloseable {

    private final Path file;
    private final BufferedWriter writer;
    // FAIL_ON_EMPTY_BEANS stays on: an item with no JSON properties must fall back to its
    // toString(), not be written as an anonymous {}.
    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final ReentrantLock lock = new ReentrantLock();

    private JsonLinesDeadLetterSink(Path file) throws IOException {
        this.file = file;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /**
     * Opens (creating if needed) a file to append dead letters to.
     *
     * @param file the JSON-lines file
     * @return the sink; close it when the runs that use it are done
     * @throws IOException if the file cannot be opened
     */
    public static JsonLinesDeadLetterSink open(Path file) throws IOException {
        return new JsonLinesDeadLetterSink(file);
    }

    /** @return the file written to */
    public Path file() {
        return file;
    }

    @Override
    public void accept(DeadLetter deadLetter) throws IOException {
        ObjectNode line = mapper.createObjectNode();
        line.put("runId", deadLetter.runId());
        line.put("stage", deadLetter.stage());
        line.put("errorClass", deadLetter.errorClass());
        line.put("errorMessage", deadLetter.errorMessage());
        line.put("attempts", deadLetter.attempts());
        line.put("time", deadLetter.time().toString());
        try {
            line.set("item", mapper.valueToTree(deadLetter.item()));
        } catch (IllegalArgumentException notJson) {
            line.put("item", String.valueOf(deadLetter.item()));
        }
        String json = mapper.writeValueAsString(line);
        lock.lock();
        try {
            writer.write(json);
            writer.newLine();
            writer.flush();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            writer.close();
        } finally {
            lock.unlock();
        }
    }
}
