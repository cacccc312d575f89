package dev.aio.storage.fs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** Small file helpers of the filesystem store: MD5, quiet clean-up, folder pruning, page tokens. */
public final class FileOps {

    private FileOps() {
    }

    /** @return a new MD5 digest */
    public static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    /**
     * @param in the bytes; read to the end, not closed
     * @return their MD5, lower-case hex
     * @throws IOException when reading fails
     */
    public static String md5Of(InputStream in) throws IOException {
        MessageDigest md5 = md5();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
            md5.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    /**
     * Removes empty folders from {@code dir} up to, not including, the bucket directory, so that
     * delimited listings show no empty "folders" once their last object is gone.
     *
     * @param bucketDir the bucket's directory
     * @param dir the folder the deleted object was in
     */
    public static void removeEmptyParents(Path bucketDir, Path dir) {
        while (dir != null && !dir.equals(bucketDir) && dir.startsWith(bucketDir)) {
            try {
                Files.delete(dir);
            } catch (DirectoryNotEmptyException e) {
                return;
            } catch (NoSuchFileException e) {
                // Someone else removed it; carry on upwards.
            } catch (IOException e) {
                return;
            }
            dir = dir.getParent();
        }
    }

    /** @param path a temporary file to remove if it is still there */
    public static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // A leftover temporary file is harmless; it is not under any bucket.
        }
    }

    /** @param channel a channel only read from, or {@code null} */
    public static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing useful to do: the channel was only read.
            }
        }
    }

    /**
     * @param key the last entry of a page
     * @return an opaque continuation token for it
     */
    public static String encodeToken(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param token a token from {@link #encodeToken(String)}
     * @return the entry it stands for
     * @throws IllegalArgumentException when it is not such a token
     */
    public static String decodeToken(String token) {
        return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    }
}
