package dev.aio.core.storage;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/** Walks a listing page by page; holds one page at a time. Not thread-safe. */
final class PagedIterator implements Iterator<ObjectInfo> {

    private final ObjectStore store;
    private final String bucket;
    private final ListOptions options;
    private Iterator<ObjectInfo> current;
    private String token;
    private boolean last;

    PagedIterator(ObjectStore store, String bucket, ListOptions options) {
        this.store = store;
        this.bucket = ObjectNames.requireValidBucket(bucket);
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public boolean hasNext() {
        while (current == null || !current.hasNext()) {
            if (last) {
                return false;
            }
            ObjectPage page = store.listPage(bucket, options, token);
            current = page.objects().iterator();
            token = page.nextToken();
            last = token == null;
        }
        return true;
    }

    @Override
    public ObjectInfo next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the listing of bucket '" + bucket + "' has no more objects");
        }
        return current.next();
    }
}
