package dev.aio.core.storage;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param objects the objects of this page, in ascending key order (UTF-8 byte order)
 * @param prefixes for a listing by delimiter, the "folders" of this page: distinct key prefixes
 *     up to and including the next {@code '/'}, in ascending order; empty for a recursive listing
 * @param nextToken the token that fetches the next page, or {@code null} on the last page
 */
public record ObjectPage(List<ObjectInfo> objects, List<String> prefixes, String nextToken) {

    /** Copies both lists; they become unmodifiable. */
    public ObjectPage {
        objects = List.copyOf(objects);
        prefixes = List.copyOf(prefixes);
    }

    /** @return whether another page follows */
    public boolean hasMore() {
        return nextToken != null;
    }
}
