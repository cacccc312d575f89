package dev.aio.core.storage;

import java.util.Objects;

/**
 * What to list: keys under a prefix, either all of them ({@linkplain #recursive() recursive}) or
 * one level, grouping deeper keys into {@linkplain ObjectPage#prefixes() prefixes} at the next
 * {@code '/'}; and how many entries one page holds. Immutable; validated when made.
 *
 * <pre>{@code
 * ListOptions.recursive("reports/2025/")              // every key under reports/2025/
 * ListOptions.delimited("reports/").withPageSize(100) // reports/x and the "folders" reports/y/
 * }</pre>
 *
 * @param prefix keys start with this; {@code ""} for the whole bucket
 * @param recursive {@code true} to list every key under the prefix, {@code false} to stop at the
 *     next {@code '/'}
 * @param pageSize entries (objects plus prefixes) per page, 1 to {@value #MAX_PAGE_SIZE}
 */
public record ListOptions(String prefix, boolean recursive, int pageSize) {

    /** Default page size: {@value}. */
    public static final int DEFAULT_PAGE_SIZE = 1000;
    /** Largest page size (S3's limit): {@value}. */
    public static final int MAX_PAGE_SIZE = 1000;

    /** @throws IllegalArgumentException naming the value when the prefix or page size is invalid */
    public ListOptions {
        Objects.requireNonNull(prefix, "prefix (use \"\" for the whole bucket)");
        ObjectNames.requireValidPrefix(null, prefix);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
        }
    }

    /**
     * @param prefix keys start with this; {@code ""} for all
     * @return every key under the prefix, default page size
     */
    public static ListOptions recursive(String prefix) {
        return new ListOptions(prefix, true, DEFAULT_PAGE_SIZE);
    }

    /**
     * @param prefix keys start with this; usually ends with {@code '/'}
     * @return one level under the prefix, default page size
     */
    public static ListOptions delimited(String prefix) {
        return new ListOptions(prefix, false, DEFAULT_PAGE_SIZE);
    }

    /**
     * @param size entries per page, 1 to {@value #MAX_PAGE_SIZE}
     * @return a copy with that page size
     */
    public ListOptions withPageSize(int size) {
        return new ListOptions(prefix, recursive, size);
    }
}
