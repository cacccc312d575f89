package dev.aio.llm.langchain4j.internal;

import dev.aio.core.vector.VectorRecord;
import dev.langchain4j.data.document.Metadata;
import java.util.Map;
import java.util.UUID;

/** Turns a chunk record's lineage into langchain4j segment metadata. Not part of the API. */
public final class SegmentMetadata {

    private SegmentMetadata() {
    }

    /**
     * @param record the chunk
     * @return its metadata values that langchain4j can hold (strings, UUIDs, numbers; booleans
     *     as strings), plus {@code chunkId} and {@code tenant}; lists and maps are left out
     */
    public static Metadata of(VectorRecord record) {
        Metadata m = new Metadata();
        for (Map.Entry<String, Object> e : record.metadata().entrySet()) {
            Object v = e.getValue();
            if (v instanceof String s) {
                m.put(e.getKey(), s);
            } else if (v instanceof UUID u) {
                m.put(e.getKey(), u);
            } else if (v instanceof Integer i) {
                m.put(e.getKey(), i);
            } else if (v instanceof Long l) {
                m.put(e.getKey(), l);
            } else if (v instanceof Float f) {
                m.put(e.getKey(), f);
            } else if (v instanceof Double d) {
                m.put(e.getKey(), d);
            } else if (v instanceof Number n) {
                m.put(e.getKey(), n.doubleValue());
            } else if (v instanceof Boolean b) {
                m.put(e.getKey(), b.toString());
            }
        }
        m.put("chunkId", record.id());
        if (record.tenant() != null) {
            m.put("tenant", record.tenant());
        }
        return m;
    }
}
