package dev.aio.core.ingest.internal;

import dev.aio.core.document.Chunk;
import dev.aio.core.document.Document;
import dev.aio.core.ingest.ChunkIds;
import dev.aio.core.ingest.Lineage;
import dev.aio.core.storage.ObjectInfo;
import dev.aio.core.vector.VectorRecord;
import dev.aio.core.storage.StoredObject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns an embedded chunk into a {@link VectorRecord} with its id and lineage. */
public final class RecordFactory {

    private final String tenant;
    private final Function<StoredObject, ? extends Collection<String>> acl;

    /**
     * @param tenant the records' tenant, or {@code null}
     * @param acl the objects' access labels, or {@code null} for none
     */
    public RecordFactory(String tenant, Function<StoredObject, ? extends Collection<String>> acl) {
        this.tenant = tenant;
        this.acl = acl;
    }

    /**
     * @param c the object
     * @param document its parsed text
     * @param chunk the chunk
     * @param vector the chunk's embedding
     * @param runId the run
     * @return the record
     */
    public VectorRecord record(Work.Candidate c, Document document, Chunk chunk, float[] vector, String runId) {
        ObjectInfo info = c.object().info();
        String store = c.object().store().name();
        Map<String, Object> m = new LinkedHashMap<>(chunk.metadata());
        m.put(Lineage.STORE, store);
        m.put(Lineage.BUCKET, info.bucket());
        m.put(Lineage.KEY, info.key());
        if (info.versionId() != null) {
            m.put(Lineage.VERSION_ID, info.versionId());
        }
        m.put(Lineage.ETAG, info.etag());
        m.put(Lineage.CHUNK_INDEX, (long) chunk.index());
        m.put(Lineage.START, (long) chunk.start());
        m.put(Lineage.END, (long) chunk.end());
        if (chunk.hasPages()) {
            m.put(Lineage.FIRST_PAGE, (long) chunk.firstPage());
            m.put(Lineage.LAST_PAGE, (long) chunk.lastPage());
        }
        m.put(Lineage.RUN_ID, runId);
        m.put(Lineage.FINGERPRINT, c.fingerprint());
        m.put(Lineage.DOCUMENT_ID, ChunkIds.document(store, info.bucket(), info.key()));
        m.put(Lineage.PARSER, document.parser());
        if (acl != null) {
            Collection<String> labels = acl.apply(c.object());
            if (labels != null && !labels.isEmpty()) {
                m.put(Lineage.ACL, List.copyOf(labels));
            }
        }
        String id = ChunkIds.chunk(store, info.bucket(), info.key(), c.version(), c.fingerprint(), chunk.index());
        VectorRecord r = VectorRecord.of(id, vector, chunk.text(), m);
        return tenant == null ? r : r.withTenant(tenant);
    }
}
