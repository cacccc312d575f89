package dev.aio.core.ingest;

import java.util.List;
import java.util.Optional;

/**
 * The durable memory of ingestion: for each (store, bucket, key), the {@link LedgerEntry} that
 * says which version's chunks the index holds, under which content fingerprint, and what an
 * unfinished attempt may have left behind. The {@link Ingestor} consults it to skip unchanged
 * objects without downloading them and writes it at each step of its per-object protocol.
 *
 * <p>Providers implement four methods. {@link #put} must be atomic and durable when it returns:
 * the protocol's safety rests on a returned {@code put} surviving a crash of the process.
 * Implementations must be thread-safe; the {@link Ingestor} writes entries of different keys
 * from several threads, and never the same key from two threads at once.
 *
 * <p>Provided here: {@link JdbcLedger} (SQLite by default) and {@link InMemoryLedger} (tests,
 * throw-away indexes).
 */
public interface Ledger extends AutoCloseable {

    /**
     * Reads one entry.
     *
     * @param store the store's name
     * @param bucket the bucket
     * @param key the key
     * @return the entry, or empty if the ledger knows nothing of the object
     * @throws LedgerException if the ledger cannot be read
     */
    Optional<LedgerEntry> get(String store, String bucket, String key);

    /**
     * Reads every entry of a bucket whose key starts with a prefix.
     *
     * @param store the store's name
     * @param bucket the bucket
     * @param prefix the key prefix; {@code ""} for the whole bucket
     * @return the entries, in key order
     * @throws LedgerException if the ledger cannot be read
     */
    List<LedgerEntry> list(String store, String bucket, String prefix);

    /**
     * Inserts or replaces the entry of its (store, bucket, key), atomically and durably.
     *
     * @param entry the new entry
     * @throws LedgerException if the entry was not written; then the previous entry stands
     */
    void put(LedgerEntry entry);

    /**
     * Forgets an object.
     *
     * @param store the store's name
     * @param bucket the bucket
     * @param key the key
     * @return whether there was an entry
     * @throws LedgerException if the ledger cannot be written
     */
    boolean remove(String store, String bucket, String key);

    /** Releases the ledger's resources; idempotent. */
    @Override
    void close();
}
