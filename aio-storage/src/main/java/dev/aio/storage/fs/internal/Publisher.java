package dev.aio.storage.fs.internal;

import dev.aio.core.storage.BucketNotFoundException;
import dev.aio.core.storage.ConflictException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.locks.Lock;

/**
 * Publishes a fully written object: renames its data file, then its sidecar, into place under
 * the key's write lock, so concurrent writers end with one complete version whose sidecar matches
 * its bytes.
 */
public final class Publisher {

    private static final int ATTEMPTS = 8;

    private Publisher() {
    }

    /**
     * @param store the store's name, for errors
     * @param bucket the bucket
     * @param key the key
     * @param bucketDir the bucket's directory
     * @param file the object's file
     * @param data the written data, in the store's temporary folder
     * @param meta the written sidecar, in the store's temporary folder
     * @param lock the key's write lock
     * @throws IOException when a rename fails
     */
    public static void publish(String store, String bucket, String key, Path bucketDir, Path file, Path data,
            Path meta, Lock lock) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                createParents(store, bucket, key, bucketDir, file);
                if (Files.isDirectory(file)) {
                    throw new ConflictException(store, bucket, key, "other keys live under this key followed by '/';"
                            + " a filesystem store cannot hold both a key and keys under it", null);
                }
                lock.lock();
                try {
                    // Data first: a crash between the two renames leaves a sidecar that no longer
                    // describes the data file, which readers detect and ignore.
                    Files.move(data, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(meta, KeyPaths.sidecarOf(file), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                    return;
                } finally {
                    lock.unlock();
                }
            } catch (NoSuchFileException e) {
                // A delete of a sibling removed the parent folder just made; make it again.
                if (attempt == ATTEMPTS || !Files.isDirectory(bucketDir)) {
                    throw e;
                }
            }
        }
    }

    private static void createParents(String store, String bucket, String key, Path bucketDir, Path file)
            throws IOException {
        if (!Files.isDirectory(bucketDir)) {
            throw new BucketNotFoundException(store, bucket, null,
                    "the bucket does not exist; create it with ensureBucket", null);
        }
        try {
            Files.createDirectories(file.getParent());
        } catch (FileAlreadyExistsException | NotDirectoryException e) {
            throw new ConflictException(store, bucket, key, "a part of the key's path is an object, not a folder;"
                    + " a filesystem store cannot hold both a key and keys under it", e);
        }
    }
}
