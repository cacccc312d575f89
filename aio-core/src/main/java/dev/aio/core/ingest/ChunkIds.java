package dev.aio.core.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.UUID;

/**
 * Deterministic ids for chunks and documents: name-based UUIDs (version 5, SHA-1, RFC 9562) in a
 * namespace of aio's own.
 *
 * <p>A chunk id names (store, bucket, key, version, fingerprint, chunk index). The version (the
 * version id where the store has one, else the ETag) and the fingerprint are part of it on
 * purpose: a new version, or the same version under new chunker or model settings, gets new ids,
 * so its chunks can be upserted beside the old ones and the old ones deleted afterwards; the
 * stale set is simply the old ids minus the new ones, and no search ever sees a mix of old and
 * new chunks under one id. Re-ingesting the same version under the same fingerprint yields the
 * same ids, so it overwrites and never duplicates.
 *
 * <p>A document id names (store, bucket, key): it stays the same across versions.
 */
public final class ChunkIds {

    /** aio's namespace for name-based ids. */
    public static final UUID NAMESPACE = UUID.fromString("3f6c1f5e-8a4b-5d0e-9c6a-a10a10a10a10");

    private ChunkIds() {
    }

    /**
     * @param store the store's name
     * @param bucket the bucket
     * @param key the key
     * @param version the version id, or the ETag where the store has no versions
     * @param fingerprint the content fingerprint
     * @param index the chunk's index in its document, from 0
     * @return the chunk's id, a UUID string
     */
    public static String chunk(String store, String bucket, String key, String version, String fingerprint,
            int index) {
        return uuid5("chunk", store, bucket, key, Objects.requireNonNull(version, "version"),
                Objects.requireNonNull(fingerprint, "fingerprint"), Integer.toString(index)).toString();
    }

    /**
     * @param store the store's name
     * @param bucket the bucket
     * @param key the key
     * @return the id shared by every version of the object, a UUID string
     */
    public static String document(String store, String bucket, String key) {
        return uuid5("document", store, bucket, key).toString();
    }

    private static UUID uuid5(String... parts) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-1, which every Java platform must provide", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits());
        sha1.update(ns.array());
        for (String part : parts) {
            // A NUL separator keeps ("ab","c") and ("a","bc") apart; keys cannot contain NUL.
            sha1.update(Objects.requireNonNull(part, "id part").getBytes(StandardCharsets.UTF_8));
            sha1.update((byte) 0);
        }
        byte[] h = sha1.digest();
        h[6] = (byte) ((h[6] & 0x0f) | 0x50);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}
