package dev.aio.vector.weaviate;

/**
 * Where a backup or a restore stands, as Weaviate reports it.
 *
 * @param id the backup id
 * @param backend the backend, {@code s3}
 * @param path where the backup lives, e.g. {@code s3://weaviate-backups/nightly-1}, or {@code null}
 * @param status Weaviate's status: {@code STARTED}, {@code TRANSFERRING}, {@code TRANSFERRED},
 *     {@code SUCCESS}, {@code FAILED} or {@code CANCELED}
 * @param error Weaviate's error for a failed operation, or {@code null}
 */
public record WeaviateBackupStatus(String id, String backend, String path, String status, String error) {

    /** @return whether the operation finished successfully */
    public boolean succeeded() {
        return "SUCCESS".equals(status);
    }

    /** @return whether the operation ended without success */
    public boolean failed() {
        return "FAILED".equals(status) || "CANCELED".equals(status);
    }

    /** @return whether the operation has ended, one way or the other */
    public boolean finished() {
        return succeeded() || failed();
    }
}
