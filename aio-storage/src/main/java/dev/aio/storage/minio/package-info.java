/**
 * {@link dev.aio.storage.minio.MinioObjectStore}: the {@code ObjectStore} for MinIO and any S3
 * API server, on the MinIO Java client 8.6. Error codes map to aio's storage exceptions; details
 * live in {@code internal}.
 */
package dev.aio.storage.minio;
