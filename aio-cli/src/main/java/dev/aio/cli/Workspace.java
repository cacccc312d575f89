package dev.aio.cli;

import dev.aio.core.document.Chunker;
import dev.aio.core.document.Chunkers;
import dev.aio.core.ingest.JdbcLedger;
import dev.aio.llm.onnx.OnnxEmbedder;
import dev.aio.vector.lucene.LuceneVectorStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An embedded store directory opened with the embedded defaults: the Lucene index under
 * {@code <dir>/lucene}, the SQLite ledger {@code <dir>/ledger.db}, local folders linked under
 * {@code <dir>/sources}, the list of ingested sources {@code <dir>/sources.json}, and the
 * in-process MiniLM embedder (loaded on first use, as it takes a moment).
 *
 * <p>One process at a time: opening takes an exclusive lock on {@code <dir>/aio.lock} (and
 * Lucene takes its own), so a second {@code aio} on the same directory fails at once with a
 * clear message instead of corrupting the index. Closes everything it opened, in reverse order.
 */
public final class Workspace implements AutoCloseable {

    /** The file whose lock says the directory is in use. */
    public static final String LOCK_FILE = "aio.lock";
    /** Tokens per chunk, within MiniLM's 256-token window with room for its special tokens. */
    public static final int CHUNK_TOKENS = 200;
    /** Tokens shared by neighbouring chunks, so a sentence cut at a boundary is found whole. */
    public static final int CHUNK_OVERLAP_TOKENS = 24;

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final LuceneVectorStore index;
    private final JdbcLedger ledger;
    private final SourceRegistry sources;
    private OnnxEmbedder embedder;

    private Workspace(Path dir, FileChannel lockChannel, FileLock lock, LuceneVectorStore index, JdbcLedger ledger) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.index = index;
        this.ledger = ledger;
        this.sources = new SourceRegistry(dir.resolve("sources.json"));
    }

    /**
     * Opens (creating if needed) a store directory and locks it for this process.
     *
     * @param dir the directory
     * @return the workspace
     * @throws CliException when the directory cannot be created or another process holds it
     */
    public static Workspace open(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new CliException("cannot create the store directory " + absolute + ": " + e.getMessage(), e);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(absolute.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new CliException("cannot open " + absolute.resolve(LOCK_FILE) + ": " + e.getMessage(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            lock = null; // OverlappingFileLockException: held by this very JVM, which is "in use" too
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new CliException("the store directory " + absolute + " is in use by another process (it holds "
                    + absolute.resolve(LOCK_FILE) + "); wait for it to finish, or pass another --store");
        }
        LuceneVectorStore index = null;
        try {
            index = LuceneVectorStore.builder().name("aio").directory(absolute.resolve("lucene"))
                    .dimensions(DefaultModels.DIMENSIONS).build();
            JdbcLedger ledger = JdbcLedger.sqlite(absolute.resolve("ledger.db"));
            return new Workspace(absolute, channel, lock, index, ledger);
        } catch (RuntimeException e) {
            if (index != null) {
                index.close();
            }
            releaseQuietly(lock);
            closeQuietly(channel);
            throw new CliException("cannot open the store in " + absolute + ": " + e.getMessage(), e);
        }
    }

    /** @return the store directory, absolute */
    public Path dir() {
        return dir;
    }

    /** @return the Lucene index */
    public LuceneVectorStore index() {
        return index;
    }

    /** @return the ingestion ledger */
    public JdbcLedger ledger() {
        return ledger;
    }

    /** @return the sources ingested into this store */
    public SourceRegistry sources() {
        return sources;
    }

    /** @return the default embedder, loaded on first call */
    public synchronized OnnxEmbedder embedder() {
        if (embedder == null) {
            embedder = DefaultModels.embedder();
        }
        return embedder;
    }

    /** @return the chunker matched to the embedder's tokenizer */
    public Chunker chunker() {
        OnnxEmbedder e = embedder();
        return Chunkers.tokens(e.tokenizer(), e.modelId(), CHUNK_TOKENS - e.tokenizer().specialTokens(),
                CHUNK_OVERLAP_TOKENS);
    }

    @Override
    public synchronized void close() {
        try {
            if (embedder != null) {
                embedder.close();
            }
        } finally {
            try {
                ledger.close();
            } finally {
                try {
                    index.close();
                } finally {
                    releaseQuietly(lock);
                    closeQuietly(lockChannel);
                }
            }
        }
    }

    private static void releaseQuietly(FileLock lock) {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the lock goes with the channel, which is closed next
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was written through it; the OS releases the lock with the process
        }
    }
}
