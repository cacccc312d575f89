package dev.aio.core.vector;

import java.util.Map;
import java.util.Objects;

/**
 * One result of {@link VectorStore#search(VectorQuery)}: a record and its score, higher is
 * more similar. For a plain vector search the score is the store's {@link Similarity}; for a
 * hybrid search it is the fused score.
 *
 * @param record the matching record
 * @param score the score
 */
public record SearchHit(VectorRecord record, double score) {

    /** Validates the hit. */
    public SearchHit {
        Objects.requireNonNull(record, "record");
    }

    /** @return the record's id */
    public String id() {
        return record.id();
    }

    /** @return the record's text, or {@code null} */
    public String text() {
        return record.text();
    }

    /** @return the record's metadata */
    public Map<String, Object> metadata() {
        return record.metadata();
    }
}
