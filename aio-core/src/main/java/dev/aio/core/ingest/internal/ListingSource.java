package dev.aio.core.ingest.internal;

import dev.aio.core.storage.ObjectInfo;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads a listing for the pipeline and remembers whether it was complete: exhausted without an
 * error and without reaching the object limit. Only a complete listing may be used to decide
 * that an object is gone. Read by one thread (the pipeline's source reader).
 *
 * @param <T> what each listed object becomes
 */
public final class ListingSource<T> implements Iterator<T> {

    private final Iterator<ObjectInfo> listing;
    private final long limit;
    private final Function<ObjectInfo, T> convert;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private long read;
    private volatile boolean complete;
    private volatile boolean limited;

    /**
     * @param listing the store's listing
     * @param limit the most objects to read
     * @param convert what to make of each object
     */
    public ListingSource(Iterator<ObjectInfo> listing, long limit, Function<ObjectInfo, T> convert) {
        this.listing = listing;
        this.limit = limit;
        this.convert = convert;
    }

    @Override
    public boolean hasNext() {
        if (read >= limit) {
            // Whether more objects exist or not, this run did not look, so it cannot call any gone.
            limited = true;
            return false;
        }
        boolean more = listing.hasNext();
        if (!more) {
            complete = true;
        }
        return more;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ObjectInfo info = listing.next();
        read++;
        seen.add(info.key());
        return convert.apply(info);
    }

    /** @return whether the listing was read to its end, with no error and no limit */
    public boolean complete() {
        return complete && !limited;
    }

    /** @return the keys listed */
    public Set<String> seen() {
        return seen;
    }
}
