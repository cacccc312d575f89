/**
 * The object store SPI: buckets of keyed, immutable byte objects with a content type, user
 * metadata and an ETag, as S3, MinIO or a local folder hold them.
 *
 * <p>Callers use {@link dev.aio.core.storage.ObjectStore}. Providers extend
 * {@link dev.aio.core.storage.AbstractObjectStore}, which validates every bucket name, key,
 * prefix and option ({@link dev.aio.core.storage.ObjectNames}) and checks the store's
 * {@link dev.aio.core.storage.StoreCapability capabilities} before a provider sees a call, so
 * every store refuses bad input the same way. Failures are {@link dev.aio.core.AioException}s:
 * {@link dev.aio.core.storage.StorageUnavailableException} is retriable; not found, access denied,
 * conflict and bad requests are not. Their messages name the store, bucket and key, never
 * credentials.
 *
 * <p>{@link dev.aio.core.storage.ObjectSource} turns a bucket prefix into a pipeline source of
 * {@link dev.aio.core.storage.StoredObject} references whose bodies are opened only when read.
 */
package dev.aio.core.storage;
