package dev.aio.storage.minio.internal;

import dev.aio.core.storage.AccessDeniedException;
import dev.aio.core.storage.BucketNotFoundException;
import dev.aio.core.storage.ConflictException;
import dev.aio.core.storage.ObjectNotFoundException;
import dev.aio.core.storage.StorageRequestException;
import dev.aio.core.storage.StorageUnavailableException;
import dev.aio.core.storage.UnsupportedCapabilityException;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.InsufficientDataException;
import io.minio.errors.ServerException;
import java.io.IOException;
import java.util.Set;

/**
 * Maps MinIO client failures and S3 error codes to aio's storage exceptions. Messages carry the
 * S3 error code and HTTP status, the store, bucket and key, and never a credential: the client's
 * own exception is kept as the cause, and its rendering redacts signatures and credentials.
 */
public final class MinioErrors {

    private static final Set<String> BUCKET_MISSING = Set.of("NoSuchBucket");
    private static final Set<String> KEY_MISSING = Set.of("NoSuchKey", "NoSuchVersion", "ResourceNotFound",
            "NoSuchObject");
    private static final Set<String> DENIED = Set.of("AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch",
            "AllAccessDisabled", "AccountProblem", "ExpiredToken", "InvalidToken", "TokenRefreshRequired",
            "InvalidSecurity", "MissingSecurityHeader", "AuthorizationHeaderMalformed");
    private static final Set<String> CONFLICT = Set.of("BucketNotEmpty", "BucketAlreadyExists",
            "BucketAlreadyOwnedByYou", "OperationAborted", "PreconditionFailed", "InvalidBucketState",
            "ObjectLocked", "InvalidObjectState");
    private static final Set<String> TRANSIENT = Set.of("SlowDown", "ServiceUnavailable", "InternalError",
            "RequestTimeout", "RequestTimeTooSkewed", "XMinioServerNotInitialized", "XMinioStorageFull",
            "Throttling", "ThrottlingException", "RequestThrottled");

    private MinioErrors() {
    }

    /** Peels the wrappers the client's async core adds (CompletionException, RuntimeException). */
    private static Exception unwrap(Exception e) {
        Throwable current = e;
        for (int depth = 0; depth < 8 && current.getCause() instanceof Exception cause
                && (current.getClass() == RuntimeException.class
                || current instanceof java.util.concurrent.CompletionException
                || current instanceof java.util.concurrent.ExecutionException
                || cause instanceof dev.aio.core.AioException); depth++) {
            current = cause;
        }
        return (Exception) current;
    }

    /**
     * @param e a failure of a MinIO client call
     * @return the S3 error code, or {@code null} when the failure has none
     */
    public static String code(Exception e) {
        Exception inner = unwrap(e);
        return inner instanceof ErrorResponseException r && r.errorResponse() != null ? r.errorResponse().code() : null;
    }

    /**
     * Maps a failure.
     *
     * @param store the store's name
     * @param bucket the bucket
     * @param key the key, or {@code null} for a bucket operation
     * @param operation what was being done, such as {@code "reading the object"}
     * @param e the failure
     * @return the exception to throw
     */
    public static RuntimeException map(String store, String bucket, String key, String operation, Exception failure) {
        Exception e = unwrap(failure);
        if (e instanceof dev.aio.core.AioException aio) {
            return aio; // ours, thrown from a stream the client was reading
        }
        if (e instanceof ErrorResponseException response) {
            String code = code(e);
            int status = response.response() == null ? 0 : response.response().code();
            String what = operation + " failed with S3 error " + code + (status > 0 ? " (HTTP " + status + ")" : "");
            if (BUCKET_MISSING.contains(code)) {
                // A copy names two buckets; the server says which one is missing.
                String missing = response.errorResponse().bucketName();
                return new BucketNotFoundException(store, missing == null || missing.isEmpty() ? bucket : missing, null,
                        "the bucket does not exist; create it with ensureBucket", e);
            }
            if (KEY_MISSING.contains(code)) {
                return new ObjectNotFoundException(store, bucket, key,
                        "no such object; check the key, or list the bucket to see what it holds", e);
            }
            if (DENIED.contains(code) || status == 401 || status == 403) {
                return new AccessDeniedException(store, bucket, key, what
                        + "; check the access key, the secret key and the bucket policy", e);
            }
            if (CONFLICT.contains(code) || status == 409 || status == 412) {
                return new ConflictException(store, bucket, key, what, e);
            }
            if ("NotImplemented".equals(code) || status == 501) {
                // Permanent: this server lacks the feature (S3Proxy has no SSE, for one).
                return new UnsupportedCapabilityException(store, bucket, key, what
                        + ": the server does not implement this request (an option such as server-side encryption"
                        + " that it lacks); drop the option or use a server that has it", e);
            }
            if (TRANSIENT.contains(code) || status >= 500 || status == 429) {
                return new StorageUnavailableException(store, bucket, key, what + "; try again later", e);
            }
            return new StorageRequestException(store, bucket, key, what, e);
        }
        if (e instanceof InsufficientDataException) {
            return new StorageRequestException(store, bucket, key, operation
                    + " failed: the content stream ended before its declared length; nothing was stored", e);
        }
        if (e instanceof ServerException server) {
            return new StorageUnavailableException(store, bucket, key, operation + " failed: the server answered HTTP "
                    + server.statusCode() + "; try again later", e);
        }
        if (e instanceof IOException) {
            return new StorageUnavailableException(store, bucket, key, operation
                    + " failed: the server could not be reached or the connection broke (" + e.getClass().getSimpleName()
                    + "); check the endpoint, or try again later", e);
        }
        if (e instanceof IllegalArgumentException) {
            return new StorageRequestException(store, bucket, key, operation + " was refused by the MinIO client: "
                    + e.getMessage(), e);
        }
        return new StorageUnavailableException(store, bucket, key, operation + " failed ("
                + e.getClass().getSimpleName() + ")", e);
    }
}
