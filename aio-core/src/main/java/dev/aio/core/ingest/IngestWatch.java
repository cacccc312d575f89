package dev.aio.core.ingest;

import dev.aio.core.storage.ObjectEvent;
import dev.aio.core.storage.ObjectWatcher;
import java.util.List;

/**
 * Keeps an index in line with a prefix by polling: each {@link #poll()} lists the prefix, turns
 * what changed since the last poll into object events and {@linkplain Ingestor#apply applies}
 * them. The first poll reports every object as created; unchanged ones are skipped by the
 * ledger without a download. The caller schedules polls; no thread is started here. Not
 * thread-safe: poll from one thread.
 */
public final class IngestWatch {

    private final Ingestor ingestor;
    private final ObjectWatcher watcher;

    IngestWatch(Ingestor ingestor, ObjectWatcher watcher) {
        this.ingestor = ingestor;
        this.watcher = watcher;
    }

    /**
     * @return what the events found by this poll did
     * @throws IngestFailedException if applying them stopped early; the next poll does not
     *     repeat them, so run {@link Ingestor#run} over the prefix to converge
     */
    public IngestReport poll() {
        List<ObjectEvent> events = watcher.poll();
        return ingestor.apply(events);
    }
}
