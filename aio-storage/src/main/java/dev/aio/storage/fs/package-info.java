/**
 * {@link dev.aio.storage.fs.FileSystemObjectStore}: aio's embedded default object store, a
 * directory per bucket on the local filesystem with atomic writes and S3-like ETags, content
 * types and user metadata. Implementation details live in {@code internal} and are not part of
 * the contract.
 */
package dev.aio.storage.fs;
