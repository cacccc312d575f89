package dev.aio.core.model.cache;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disk tier of a {@link CachingEmbedder}: one file per key under a directory,
 * {@code <dir>/<fingerprint digest>/<2 hex>/<text digest>.vec}.
 *
 * <p>Crash-safe: a file is written under a temporary name in its final directory and renamed
 * into place atomically, so a reader sees a whole file or none. Corruption-tolerant: each file
 * holds its own full key, the dimension count and a CRC-32 of all of it; a file that fails any
 * check (torn by a power loss before the data reached the disk, altered, or a digest collision)
 * is a miss, is deleted, and is written again on the next miss. It never yields a wrong vector.
 * No fsync: a torn file costs one recomputation, not wrong data. Thread-safe: concurrent writers
 * of one key each rename a whole file into place.
 */
final class VectorFiles {

    private static final Logger LOG = LoggerFactory.getLogger(VectorFiles.class);
    private static final int MAGIC = 0x41494F56; // "AIOV"
    private static final byte VERSION = 1;

    private final Path root;
    private final int dimensions;
    final LongAdder corrupt = new LongAdder();

    VectorFiles(Path root, String fingerprint, int dimensions) {
        this.root = root.resolve(Digests.sha256Hex(fingerprint).substring(0, 24));
        this.dimensions = dimensions;
    }

    Path pathOf(String textDigest) {
        return root.resolve(textDigest.substring(0, 2)).resolve(textDigest + ".vec");
    }

    /** The vector stored for a key, or {@code null} when there is none or it cannot be trusted. */
    float[] read(String key, String textDigest) {
        Path file = pathOf(textDigest);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.warn("embedding cache: cannot read {}; treating it as a miss", file, e);
            return null;
        }
        float[] vector = decode(bytes, key);
        if (vector == null) {
            corrupt.increment();
            LOG.warn("embedding cache: {} is corrupt or belongs to another key; it is ignored and will be rewritten",
                    file);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("embedding cache: could not delete corrupt {}", file, e);
            }
        }
        return vector;
    }

    private float[] decode(byte[] bytes, String key) {
        if (bytes.length < 4 + 1 + 4 + 4 + 8) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        if (buf.getLong(bytes.length - 8) != crc.getValue()) {
            return null;
        }
        if (buf.getInt() != MAGIC || buf.get() != VERSION) {
            return null;
        }
        int keyLength = buf.getInt();
        if (keyLength < 0 || keyLength > buf.remaining() - 12) {
            return null;
        }
        byte[] storedKey = new byte[keyLength];
        buf.get(storedKey);
        if (!key.equals(new String(storedKey, StandardCharsets.UTF_8))) {
            return null;
        }
        int dims = buf.getInt();
        if (dims != dimensions || buf.remaining() != dims * 4L + 8) {
            return null;
        }
        float[] vector = new float[dims];
        buf.asFloatBuffer().get(vector);
        return vector;
    }

    /** Stores a vector; a failure to write is logged and otherwise ignored: the cache is an optimisation. */
    void write(String key, String textDigest, float[] vector) {
        Path file = pathOf(textDigest);
        Path temp = null;
        try {
            Files.createDirectories(file.getParent());
            temp = Files.createTempFile(file.getParent(), textDigest.substring(0, 8), ".tmp");
            Files.write(temp, encode(key, vector));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("embedding cache: cannot write {}; the vector stays in memory only", file, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Best effort: a stray temp file is never read as an entry.
                }
            }
        }
    }

    private static byte[] encode(String key, float[] vector) throws IOException {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(keyBytes.length + vector.length * 4 + 32);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeByte(VERSION);
        out.writeInt(keyBytes.length);
        out.write(keyBytes);
        out.writeInt(vector.length);
        for (float f : vector) {
            out.writeFloat(f);
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        return bytes.toByteArray();
    }
}
