package dev.aio.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link Ledger} in memory: for tests and for indexes that are themselves in memory, where a
 * ledger outliving the process would describe an index that no longer exists. Thread-safe.
 */
public final class InMemoryLedger implements Ledger {

    private record Id(String store, String bucket, String key) implements Comparable<Id> {
        @Override
        public int compareTo(Id o) {
            int c = store.compareTo(o.store);
            if (c == 0) {
                c = bucket.compareTo(o.bucket);
            }
            return c != 0 ? c : key.compareTo(o.key);
        }
    }

    private final ConcurrentSkipListMap<Id, LedgerEntry> entries = new ConcurrentSkipListMap<>();

    /** An empty ledger. */
    public InMemoryLedger() {
    }

    @Override
    public Optional<LedgerEntry> get(String store, String bucket, String key) {
        return Optional.ofNullable(entries.get(new Id(store, bucket, key)));
    }

    @Override
    public List<LedgerEntry> list(String store, String bucket, String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        List<LedgerEntry> out = new ArrayList<>();
        for (LedgerEntry e : entries.tailMap(new Id(store, bucket, prefix)).values()) {
            if (!e.store().equals(store) || !e.bucket().equals(bucket) || !e.key().startsWith(prefix)) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    @Override
    public void put(LedgerEntry entry) {
        entries.put(new Id(entry.store(), entry.bucket(), entry.key()), entry);
    }

    @Override
    public boolean remove(String store, String bucket, String key) {
        return entries.remove(new Id(store, bucket, key)) != null;
    }

    /** @return how many entries there are, in all stores and buckets */
    public int size() {
        return entries.size();
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public String toString() {
        return "InMemoryLedger[" + entries.size() + " entries]";
    }
}
