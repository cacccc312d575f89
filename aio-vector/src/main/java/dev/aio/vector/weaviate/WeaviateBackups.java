package dev.aio.vector.weaviate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aio.vector.weaviate.internal.WeaviateHttp;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Backs up the store's class to Weaviate's S3 backend (MinIO or S3, configured on the server
 * with {@code BACKUP_S3_ENDPOINT}, {@code BACKUP_S3_BUCKET} and friends) and restores it.
 *
 * <p>Both operations run in the background on the server: {@link #create} and {@link #restore}
 * return once Weaviate has accepted them, and {@link #createStatus} / {@link #restoreStatus}
 * report progress. Weaviate restores a class only where it does not exist, so delete the class
 * (or restore into a fresh server) first. Thread-safe.
 */
public final class WeaviateBackups {

    // Weaviate's rule for backup ids.
    private static final Pattern ID = Pattern.compile("[a-z0-9_\\-]{1,128}");
    private static final String BACKEND = "s3";

    private final WeaviateHttp http;
    private final String className;
    private final String bucket;
    private final String path;

    WeaviateBackups(WeaviateHttp http, String className, String bucket, String path) {
        this.http = http;
        this.className = className;
        this.bucket = bucket;
        this.path = path;
    }

    /**
     * Starts a backup of the class.
     *
     * @param backupId lower-case letters, digits, {@code _} or {@code -}; unique per bucket
     * @return the status Weaviate answered, usually {@code STARTED}
     */
    public WeaviateBackupStatus create(String backupId) {
        ObjectNode body = http.mapper().createObjectNode().put("id", check(backupId));
        body.putArray("include").add(className);
        config(body);
        return status(http.send("POST", "v1/backups/" + BACKEND, body, false), backupId);
    }

    /** @param backupId the backup @return how its creation stands */
    public WeaviateBackupStatus createStatus(String backupId) {
        return status(http.send("GET", "v1/backups/" + BACKEND + "/" + check(backupId) + query(), null, false), backupId);
    }

    /**
     * Starts restoring the class from a backup.
     *
     * @param backupId the backup
     * @return the status Weaviate answered, usually {@code STARTED}
     */
    public WeaviateBackupStatus restore(String backupId) {
        ObjectNode body = http.mapper().createObjectNode();
        body.putArray("include").add(className);
        config(body);
        return status(http.send("POST", "v1/backups/" + BACKEND + "/" + check(backupId) + "/restore", body, false),
                backupId);
    }

    /** @param backupId the backup @return how its restore stands */
    public WeaviateBackupStatus restoreStatus(String backupId) {
        return status(http.send("GET", "v1/backups/" + BACKEND + "/" + check(backupId) + "/restore" + query(), null,
                false), backupId);
    }

    private void config(ObjectNode body) {
        if (bucket != null || path != null) {
            ObjectNode config = body.putObject("config");
            if (bucket != null) {
                config.put("bucket", bucket);
            }
            if (path != null) {
                config.put("path", path);
            }
        }
    }

    // Status reads take the same bucket and path overrides as query parameters.
    private String query() {
        StringBuilder q = new StringBuilder();
        if (bucket != null) {
            q.append("?bucket=").append(bucket);
        }
        if (path != null) {
            q.append(q.length() == 0 ? '?' : '&').append("path=").append(okhttp3.HttpUrl.parse("http://x/")
                    .newBuilder().addQueryParameter("p", path).build().encodedQuery().substring(2));
        }
        return q.toString();
    }

    private static String check(String backupId) {
        Objects.requireNonNull(backupId, "backupId");
        if (!ID.matcher(backupId).matches()) {
            throw new IllegalArgumentException("backup id '" + backupId + "' must be 1 to 128 lower-case letters, "
                    + "digits, '_' or '-'");
        }
        return backupId;
    }

    private static WeaviateBackupStatus status(JsonNode n, String backupId) {
        JsonNode error = n.path("error");
        return new WeaviateBackupStatus(n.path("id").asText(backupId), n.path("backend").asText(BACKEND),
                n.path("path").isTextual() ? n.path("path").asText() : null, n.path("status").asText(),
                error.isTextual() && !error.asText().isEmpty() ? error.asText() : null);
    }
}
