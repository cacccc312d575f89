package dev.aio.storage.fs.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the filesystem store keeps beside an object: its ETag, content type and user metadata,
 * plus the size and modification time of the data file it describes, so that a sidecar left
 * stale by a crash between the two renames of a write is recognised and ignored.
 *
 * @param etag MD5 hex of the bytes
 * @param size bytes of the data file
 * @param lastModifiedMillis modification time of the data file, milliseconds since the epoch
 * @param contentType the media type
 * @param metadata user metadata
 */
public record Sidecar(String etag, long size, long lastModifiedMillis, String contentType,
        Map<String, String> metadata) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the metadata. */
    public Sidecar {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * @param file where to write
     * @throws IOException when writing fails
     */
    public void write(Path file) throws IOException {
        Files.write(file, JSON.writeValueAsBytes(this));
    }

    /**
     * @param file the sidecar file
     * @return the sidecar, or {@code null} when the file is missing or unreadable as a sidecar
     * @throws IOException when reading fails for another reason
     */
    public static Sidecar read(Path file) throws IOException {
        try {
            return JSON.readValue(Files.readAllBytes(file), Sidecar.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return null;
        }
    }

    /**
     * @param fileSize the data file's size now
     * @param fileMillis the data file's modification time now
     * @return whether this sidecar describes that data file
     */
    public boolean describes(long fileSize, long fileMillis) {
        return size == fileSize && lastModifiedMillis == fileMillis;
    }
}
