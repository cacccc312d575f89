/**
 * {@code ObjectStore} implementations (the SPI lives in {@link dev.aio.core.storage}):
 * {@link dev.aio.storage.fs.FileSystemObjectStore}, the embedded default over a local folder, and
 * {@link dev.aio.storage.minio.MinioObjectStore} for MinIO and any S3 API server. Each depends on
 * {@code aio-core} and its own vendor SDK only, never on a sibling. Both pass the same contract
 * suite, {@code dev.aio.storage.ObjectStoreContract}, shipped in this module's test jar.
 */
package dev.aio.storage;
