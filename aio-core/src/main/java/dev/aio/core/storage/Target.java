package dev.aio.core.storage;

/** Formats the "where" part of storage error messages: store, bucket and key, never credentials. */
final class Target {

    private Target() {
    }

    static String describe(String detail, String store, String bucket, String key) {
        StringBuilder out = new StringBuilder(detail).append(" (");
        if (store != null) {
            out.append("store ").append(ObjectNames.quote(store)).append(", ");
        }
        out.append("bucket ").append(ObjectNames.quote(bucket));
        if (key != null) {
            out.append(", key ").append(ObjectNames.quote(key));
        }
        return out.append(')').toString();
    }
}
