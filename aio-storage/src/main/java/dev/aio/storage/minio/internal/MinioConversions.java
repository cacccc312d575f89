package dev.aio.storage.minio.internal;

import dev.aio.core.storage.Encryption;
import dev.aio.core.storage.StorageRequestException;
import io.minio.ServerSideEncryption;
import io.minio.ServerSideEncryptionCustomerKey;
import io.minio.ServerSideEncryptionKms;
import io.minio.ServerSideEncryptionS3;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;

/** Converts between aio's storage types and the MinIO client's. */
public final class MinioConversions {

    private MinioConversions() {
    }

    /**
     * @param store the store's name, for errors
     * @param bucket the bucket, for errors
     * @param key the key, for errors
     * @param encryption aio's encryption request
     * @return the MinIO client's equivalent
     * @throws StorageRequestException when the client refuses it (the message never shows a key)
     */
    public static ServerSideEncryption sse(String store, String bucket, String key, Encryption encryption) {
        try {
            return switch (encryption.kind()) {
                case S3 -> new ServerSideEncryptionS3();
                case KMS -> new ServerSideEncryptionKms(encryption.kmsKeyId(), null);
                case CUSTOMER_KEY -> encryption.customerKey().withValue(chars -> {
                    try {
                        return new ServerSideEncryptionCustomerKey(
                                new SecretKeySpec(Base64.getDecoder().decode(new String(chars)), "AES"));
                    } catch (Exception e) {
                        throw new IllegalArgumentException("the SSE-C key was refused by the MinIO client", e);
                    }
                });
            };
        } catch (Exception e) {
            throw new StorageRequestException(store, bucket, key, "preparing " + encryption + " failed", e);
        }
    }

    /**
     * @param etag an ETag as S3 sends it, possibly quoted
     * @return the ETag without quotes; {@code ""} for null
     */
    public static String unquote(String etag) {
        if (etag == null) {
            return "";
        }
        String value = etag.startsWith("\"") && etag.endsWith("\"") && etag.length() >= 2
                ? etag.substring(1, etag.length() - 1) : etag;
        return value.replace("&quot;", "");
    }

    /**
     * @param metadata user metadata as the client returns it, or {@code null}
     * @return the same entries with lower-case keys, as aio promises
     */
    public static Map<String, String> lowerCaseKeys(Map<String, String> metadata) {
        Map<String, String> out = new LinkedHashMap<>();
        if (metadata != null) {
            metadata.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        }
        return out;
    }
}
