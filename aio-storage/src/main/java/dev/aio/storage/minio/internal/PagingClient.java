package dev.aio.storage.minio.internal;

import dev.aio.core.storage.ObjectNames;
import io.minio.ListObjectsV2Response;
import io.minio.MinioAsyncClient;
import io.minio.messages.Item;
import io.minio.messages.ListBucketResultV2;
import io.minio.messages.Prefix;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads exactly one S3 ListObjectsV2 page, with its real continuation token. The MinIO client's
 * public {@code listObjects} hides page boundaries (it fetches the next page by itself and yields
 * a page's objects before its prefixes), which a paged listing cannot use; the single-page call is
 * protected, hence this subclass. It is deprecated in 8.6 because 9.x reshapes the API; the
 * pinned 8.6.0 keeps it.
 */
@SuppressWarnings("try") // close() is MinioAsyncClient's; the store closes the shared HTTP client itself
public final class PagingClient extends MinioAsyncClient {

    /** One page: entries in key order, and the token of the next page or {@code null}. */
    public record Page(List<Item> entries, String nextToken) {
    }

    /** @param client a configured client whose endpoint, credentials and HTTP client are shared */
    public PagingClient(MinioAsyncClient client) {
        super(client);
    }

    /**
     * @param bucket the bucket
     * @param region the region
     * @param prefix the prefix
     * @param recursive {@code false} to group at {@code '/'}
     * @param maxKeys entries per page
     * @param token the continuation token, or {@code null}
     * @return the page
     * @throws Exception as the MinIO client throws it
     */
    @SuppressWarnings("deprecation")
    public Page page(String bucket, String region, String prefix, boolean recursive, int maxKeys, String token)
            throws Exception {
        ListObjectsV2Response response = listObjectsV2(bucket, region, recursive ? null : "/", "url", null, maxKeys,
                prefix, token, false, false, null, null);
        ListBucketResultV2 result = response.result();
        List<Item> objects = new ArrayList<>();
        for (Item item : result.contents()) {
            item.setEncodingType(result.encodingType());
            objects.add(item);
        }
        List<Item> prefixes = new ArrayList<>();
        for (Prefix p : result.commonPrefixes()) {
            Item item = p.toItem();
            item.setEncodingType(result.encodingType());
            prefixes.add(item);
        }
        List<Item> merged = new ArrayList<>(objects.size() + prefixes.size());
        int i = 0;
        int j = 0;
        while (i < objects.size() || j < prefixes.size()) {
            if (j == prefixes.size() || (i < objects.size() && ObjectNames.compareKeys(
                    objects.get(i).objectName(), prefixes.get(j).objectName()) < 0)) {
                merged.add(objects.get(i++));
            } else {
                merged.add(prefixes.get(j++));
            }
        }
        String next = result.isTruncated() ? result.nextContinuationToken() : null;
        return new Page(merged, next == null || next.isEmpty() ? null : next);
    }
}
