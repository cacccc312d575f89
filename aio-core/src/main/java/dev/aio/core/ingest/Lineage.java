package dev.aio.core.ingest;

/**
 * The metadata keys the {@link Ingestor} writes on every chunk's
 * {@link dev.aio.core.vector.VectorRecord}, so that any hit leads back to the exact object
 * version and the place in it. The names match the provenance properties of the Weaviate store
 * ({@code bucket, key, versionId, etag, chunkIndex, documentId, fingerprint}); the tenant is the
 * record's own {@linkplain dev.aio.core.vector.VectorRecord#tenant() tenant}.
 *
 * <p>Numbers are {@code long}s. A key whose value is unknown (no version id, no pages) is left
 * out rather than written empty. The chunk's own metadata (such as {@code section}) is copied
 * too; where its keys collide with these, these win.
 */
public final class Lineage {

    /** The object store's name. */
    public static final String STORE = "store";
    /** The bucket. */
    public static final String BUCKET = "bucket";
    /** The object key. */
    public static final String KEY = "key";
    /** The object's version id; absent where the store keeps no versions. */
    public static final String VERSION_ID = "versionId";
    /** The object's ETag when it was ingested. */
    public static final String ETAG = "etag";
    /** The chunk's index in its document, from 0. */
    public static final String CHUNK_INDEX = "chunkIndex";
    /** The chunk's first character in the document's text (UTF-16 units, inclusive). */
    public static final String START = "start";
    /** The end of the chunk's text in the document's text (UTF-16 units, exclusive). */
    public static final String END = "end";
    /** The first page the chunk touches, from 1; absent for documents without pages. */
    public static final String FIRST_PAGE = "firstPage";
    /** The last page the chunk touches; absent for documents without pages. */
    public static final String LAST_PAGE = "lastPage";
    /** The ingestion run that wrote the chunk. */
    public static final String RUN_ID = "runId";
    /** The content fingerprint (parser, chunker, embedder) the chunk was made with. */
    public static final String FINGERPRINT = "fingerprint";
    /** The id shared by all chunks of all versions of the object ({@link ChunkIds#document}). */
    public static final String DOCUMENT_ID = "documentId";
    /** The parser that read the object. */
    public static final String PARSER = "parser";
    /**
     * The object's access labels, a list of strings (principals and groups) set by
     * {@link IngestorBuilder#acl}; a retriever in multi-tenant mode only returns chunks whose
     * labels meet the caller's. Absent when no ACL function is configured.
     */
    public static final String ACL = "acl";

    private Lineage() {
    }
}
