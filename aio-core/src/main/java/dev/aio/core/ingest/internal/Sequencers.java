package dev.aio.core.ingest.internal;

/**
 * Orders S3 event sequencers: hexadecimal strings that grow with time for one key but may differ
 * in length, so the shorter is left-padded with zeros before comparing (as AWS documents).
 */
public final class Sequencers {

    private Sequencers() {
    }

    /**
     * @param a a sequencer
     * @param b another sequencer of the same key
     * @return negative, zero or positive as {@code a} is older than, the same as, or newer than {@code b}
     */
    public static int compare(String a, String b) {
        String x = a.toUpperCase(java.util.Locale.ROOT);
        String y = b.toUpperCase(java.util.Locale.ROOT);
        int width = Math.max(x.length(), y.length());
        return "0".repeat(width - x.length()).concat(x).compareTo("0".repeat(width - y.length()).concat(y));
    }
}
