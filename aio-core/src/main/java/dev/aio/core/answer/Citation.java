package dev.aio.core.answer;

/**
 * Where a passage of an {@link Answer} came from: the chunk, its score, and the exact object
 * version and place in it, from the lineage the ingestor wrote
 * ({@link dev.aio.core.ingest.Lineage}). Fields the chunk does not carry are {@code null}.
 *
 * @param marker the number the answer text cites it by, as {@code [marker]}, from 1
 * @param chunkId the chunk's record id
 * @param score the retrieval (or rerank) score
 * @param store the object store's name
 * @param bucket the bucket
 * @param key the object key
 * @param versionId the object version id, where the store keeps versions
 * @param etag the object's ETag when it was ingested
 * @param start the chunk's first character in the document text, inclusive
 * @param end the chunk's end in the document text, exclusive
 * @param firstPage the first page the chunk touches, from 1
 * @param lastPage the last page the chunk touches
 * @param snippet the start of the chunk's text
 */
public record Citation(int marker, String chunkId, double score, String store, String bucket, String key,
        String versionId, String etag, Long start, Long end, Long firstPage, Long lastPage, String snippet) {

    /** Validates the marker and the chunk id. */
    public Citation {
        if (marker < 1) {
            throw new IllegalArgumentException("citation marker must be at least 1, was " + marker);
        }
        java.util.Objects.requireNonNull(chunkId, "chunkId");
    }

    /** @return {@code bucket/key@version}, the version id where there is one, else the ETag */
    public String location() {
        return bucket + "/" + key + "@" + (versionId != null ? versionId : etag);
    }
}
