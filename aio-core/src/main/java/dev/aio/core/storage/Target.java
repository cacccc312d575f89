package dev.aio.core.storage;

/** Formats the "where" part of storage error messages: store, bucket and key, never credentials. */
final class Target {

    private Target() {
    }

    static String describe(String detail, String store, String bucket, String key) {
        StringBuilder where = new StringBuilder();
        if (store != null) {
            where.append("store ").append(ObjectNames.quote(store));
        }
        if (bucket != null) {
            where.append(where.isEmpty() ? "" : ", ").append("bucket ").append(ObjectNames.quote(bucket));
        }
        if (key != null) {
            where.append(where.isEmpty() ? "" : ", ").append("key ").append(ObjectNames.quote(key));
        }
        return where.isEmpty() ? detail : detail + " (" + where + ")";
    }
}
