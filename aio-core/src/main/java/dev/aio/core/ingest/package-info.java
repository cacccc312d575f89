/**
 * Incremental, exactly-once ingestion: {@link dev.aio.core.ingest.Ingestor} moves the objects of
 * a bucket prefix through parse, chunk and embed into a {@link dev.aio.core.vector.VectorStore},
 * remembering in a durable {@link dev.aio.core.ingest.Ledger} which version of each object is
 * indexed under which content fingerprint.
 *
 * <h2>Identity</h2>
 * A chunk's id is a UUIDv5 of (store, bucket, key, version, fingerprint, chunk index)
 * ({@link dev.aio.core.ingest.ChunkIds}); the version is the version id where the store keeps
 * versions, else the ETag. A new version or new settings therefore give new ids, re-ingesting
 * the same version under the same settings gives the same ids. The content fingerprint
 * covers only what shapes the chunks and vectors: the parser chosen for the object and the parse
 * limits, the chunker's {@code describe()} and the embedder's model id, revision, dimensions and
 * token limit. The pipeline's own fingerprint is not used, as it changes with concurrency.
 *
 * <h2>The per-object protocol</h2>
 * <ol>
 * <li>the ledger records the new chunk ids as <em>pending</em>;
 * <li>the new chunks are upserted (beside the old ones: the ids differ);
 * <li>the ledger commits version, fingerprint and ids, and records every id it knew for the
 *     object that is not new as <em>stale</em>;
 * <li>the stale chunks are deleted;
 * <li>the ledger clears the stale list.
 * </ol>
 * So an object that changes is never missing from the index: its old chunks go only after its
 * new ones are in. Each step is idempotent. A crash before step 3 leaves pending ids; one after
 * it leaves stale ids. Every run first <em>reconciles</em> the entries under its prefix: it
 * deletes their pending and stale ids that are not committed and clears the lists. The object's
 * committed version is still the old one, so the run then re-processes it. An index
 * write must be durable when it returns, as with the ledger; the Lucene store commits per call.
 *
 * <h2>Deletions</h2>
 * Only a listing that finished without error and without a limit may delete: objects the ledger
 * knows under that prefix that it did not list lose their chunks (marked stale first, then
 * deleted, then the entry removed). A failed or limited listing deletes nothing. Object events
 * ({@link dev.aio.core.ingest.Ingestor#apply}) delete on removal after checking that the store
 * no longer has the object, and leave a tombstone with the event's sequencer, so that stale and
 * duplicated events are ignored.
 *
 * <h2>Bad input and failures</h2>
 * An object its parser rejects is dead-lettered, recorded as {@code REJECTED} (no chunks; old
 * chunks deleted, since they describe a version the store no longer serves) and skipped until
 * it changes. Any other failure dead-letters the object and leaves its ledger entry as it was,
 * so the next run tries it again.
 */
package dev.aio.core.ingest;
