package dev.aio.storage.fs.internal;

import dev.aio.core.storage.ObjectNames;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Lists keys under a bucket directory in S3 order (UTF-8 byte order of the whole key), a page at
 * a time, without holding more than a page's worth of names per directory level: each directory
 * is scanned keeping only the smallest children still needed (a bounded heap), and scanned again
 * from the last child used if its first batch did not fill the page.
 *
 * <p>Within a directory, a sub-directory sorts as its name plus {@code '/'}, which makes a
 * depth-first walk visit keys in global key order.
 */
public final class DirectoryLister {

    /**
     * One listing entry.
     *
     * @param key the object key, or for a prefix the prefix ending in {@code '/'}
     * @param file the object's file, or {@code null} for a prefix
     */
    public record Entry(String key, Path file) {
        /** @return whether this entry is a prefix ("folder") of a delimited listing */
        public boolean isPrefix() {
            return file == null;
        }
    }

    private record Child(String sortName, Path path, boolean directory) {
    }

    private static final Comparator<Child> ORDER = (a, b) -> ObjectNames.compareKeys(a.sortName, b.sortName);

    private final boolean recursive;
    private final String startAfter;
    private final int limit;
    private final List<Entry> out = new ArrayList<>();

    private DirectoryLister(boolean recursive, String startAfter, int limit) {
        this.recursive = recursive;
        this.startAfter = startAfter;
        this.limit = limit;
    }

    /**
     * @param bucketDir the bucket's directory
     * @param prefix keys start with this
     * @param recursive every key, or one level with prefixes
     * @param startAfter only entries after this key or prefix, or {@code null}
     * @param limit the most entries to return
     * @return up to {@code limit} entries in ascending order
     * @throws IOException when a directory cannot be read
     */
    public static List<Entry> list(Path bucketDir, String prefix, boolean recursive, String startAfter, int limit)
            throws IOException {
        int slash = prefix.lastIndexOf('/');
        String dirKey = prefix.substring(0, slash + 1);
        String namePrefix = prefix.substring(slash + 1);
        Path dir = dirKey.isEmpty() ? bucketDir : bucketDir.resolve(dirKey);
        if (!dirKey.isEmpty() && KeyPaths.problem(dirKey.substring(0, dirKey.length() - 1)) != null) {
            return List.of();
        }
        DirectoryLister lister = new DirectoryLister(recursive, startAfter, limit);
        lister.walk(dir, dirKey, namePrefix);
        return lister.out;
    }

    /** @return {@code true} once the page is full */
    private boolean walk(Path dir, String dirKey, String namePrefix) throws IOException {
        String after = null;
        while (true) {
            int need = limit - out.size();
            List<Child> batch = smallest(dir, dirKey, namePrefix, after, need);
            for (Child child : batch) {
                String full = dirKey + child.sortName;
                if (!child.directory) {
                    out.add(new Entry(full, child.path));
                } else if (recursive) {
                    if (walk(child.path, full, "")) {
                        return true;
                    }
                } else if (holdsAnObject(child.path)) {
                    out.add(new Entry(full, null));
                }
                if (out.size() >= limit) {
                    return true;
                }
                after = child.sortName;
            }
            if (batch.size() < need) {
                return false;
            }
        }
    }

    private List<Child> smallest(Path dir, String dirKey, String namePrefix, String after, int need)
            throws IOException {
        PriorityQueue<Child> heap = new PriorityQueue<>(ORDER.reversed());
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path path : children) {
                String name = path.getFileName().toString();
                if (!name.startsWith(namePrefix) || KeyPaths.isSidecar(name)) {
                    continue;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = Files.readAttributes(path, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue;
                }
                if (!attributes.isDirectory() && !attributes.isRegularFile()) {
                    continue;
                }
                Child child = new Child(attributes.isDirectory() ? name + "/" : name, path, attributes.isDirectory());
                if (!wanted(child, dirKey, after)) {
                    continue;
                }
                if (heap.size() < need) {
                    heap.add(child);
                } else if (ORDER.compare(child, heap.peek()) < 0) {
                    heap.poll();
                    heap.add(child);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        }
        List<Child> sorted = new ArrayList<>(heap);
        sorted.sort(ORDER);
        return sorted;
    }

    private boolean wanted(Child child, String dirKey, String after) {
        if (after != null && ObjectNames.compareKeys(child.sortName, after) <= 0) {
            return false;
        }
        String full = dirKey + child.sortName;
        if (!child.directory && (KeyPaths.problem(full) != null || !validKey(full))) {
            return false;
        }
        if (startAfter == null) {
            return true;
        }
        if (child.directory && recursive && startAfter.startsWith(full)) {
            return true;
        }
        return ObjectNames.compareKeys(full, startAfter) > 0;
    }

    private static boolean validKey(String key) {
        try {
            ObjectNames.requireValidKey("list", key);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean holdsAnObject(Path dir) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path path : children) {
                if (KeyPaths.isSidecar(path.getFileName().toString())) {
                    continue;
                }
                if (Files.isRegularFile(path) || (Files.isDirectory(path) && holdsAnObject(path))) {
                    return true;
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return false;
        }
        return false;
    }
}
