package dev.aio.core.ingest.internal;

import dev.aio.core.document.Chunk;
import dev.aio.core.document.Document;
import dev.aio.core.ingest.LedgerEntry;
import dev.aio.core.storage.StoredObject;
import dev.aio.core.vector.VectorRecord;
import java.util.List;

/** The items that flow through the ingestion pipeline, each carrying the object it is about. */
public final class Work {

    private Work() {
    }

    /**
     * An object to look at.
     *
     * @param object the object as listed (or stat'ed, for events)
     * @param fingerprint its content fingerprint
     * @param previous its ledger entry before the run, or {@code null}
     * @param sequencer the event sequencer to record, or {@code null}
     */
    public record Candidate(StoredObject object, String fingerprint, LedgerEntry previous, String sequencer) {
        /** @return the version token: the version id where there is one, else the ETag */
        public String version() {
            return object.info().versionId() != null ? object.info().versionId() : object.etag();
        }

        @Override
        public String toString() {
            return object.bucket() + "/" + object.key() + "@" + version();
        }
    }

    /**
     * @param candidate the object
     * @param document its parsed text
     */
    public record Parsed(Candidate candidate, Document document) {
        @Override
        public String toString() {
            return candidate.toString();
        }
    }

    /**
     * @param candidate the object
     * @param document its parsed text
     * @param chunks its chunks
     */
    public record Chunked(Candidate candidate, Document document, List<Chunk> chunks) {
        @Override
        public String toString() {
            return candidate + " (" + chunks.size() + " chunks)";
        }
    }

    /**
     * @param candidate the object
     * @param records its chunks as records, in chunk order
     */
    public record Embedded(Candidate candidate, List<VectorRecord> records) {
        @Override
        public String toString() {
            return candidate + " (" + records.size() + " records)";
        }
    }

    /**
     * @param item a pipeline item or a batch of them, as a dead letter holds it
     * @return the candidates it is about
     */
    public static List<Candidate> candidatesOf(Object item) {
        if (item instanceof Candidate c) {
            return List.of(c);
        }
        if (item instanceof Parsed p) {
            return List.of(p.candidate());
        }
        if (item instanceof Chunked c) {
            return List.of(c.candidate());
        }
        if (item instanceof Embedded e) {
            return List.of(e.candidate());
        }
        if (item instanceof List<?> list) {
            return list.stream().flatMap(o -> candidatesOf(o).stream()).toList();
        }
        return List.of();
    }
}
