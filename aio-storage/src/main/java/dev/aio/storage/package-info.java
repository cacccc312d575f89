/**
 * {@code ObjectStore} implementations that let aio list and read objects: a local
 * filesystem store (the default) and a MinIO/S3 store that reports version ids and ETags for
 * lineage. Each depends on {@code aio-core} and its vendor SDK only, never on a sibling provider.
 * The implementation lands with its own issue; until then this module holds no types.
 */
package dev.aio.storage;
