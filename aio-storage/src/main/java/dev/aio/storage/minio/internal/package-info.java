/**
 * Implementation details of the MinIO store: how MinIO client and S3 error codes map to aio's
 * storage exceptions. Not part of aio's contract.
 */
package dev.aio.storage.minio.internal;
