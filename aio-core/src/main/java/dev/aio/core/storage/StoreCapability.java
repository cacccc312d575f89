package dev.aio.core.storage;

/**
 * Optional features an {@link ObjectStore} may have. A call that needs a capability the store
 * lacks fails with {@link UnsupportedCapabilityException} before it reaches the store; it is
 * never silently ignored.
 */
public enum StoreCapability {
    /** Reading a given object version ({@link GetOptions#versionId()}); version ids in results. */
    VERSIONING,
    /** Presigned GET and PUT URLs ({@link ObjectStore#presignGet}, {@link ObjectStore#presignPut}). */
    PRESIGNED_URLS,
    /** Server-side encryption requested through {@link PutOptions#encryption()}. */
    SERVER_SIDE_ENCRYPTION
}
