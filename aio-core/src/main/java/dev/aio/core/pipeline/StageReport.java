package dev.aio.core.pipeline;

/**
 * What one stage did during a run. Every item that entered the stage is accounted for:
 * {@code in == out + filtered + deadLettered + unfinished}, and {@code unfinished} is zero for a
 * run that {@linkplain RunStatus#COMPLETED completed}.
 *
 * @param name the stage's name
 * @param kind what the stage does
 * @param in items that entered the stage
 * @param out items the stage finished with (for a sink: consumed; for a batch: flushed in a batch)
 * @param filtered items a filter dropped
 * @param deadLettered items that failed after the policy gave up
 * @param emitted items handed to the next stage (differs from {@code out} for flatMap, batch
 *     and unbatch)
 * @param retries attempts beyond the first
 * @param cacheHits results served from the stage's cache
 * @param cacheMisses results computed because the cache lacked them
 */
public record StageReport(String name, StageKind kind, long in, long out, long filtered, long deadLettered,
        long emitted, long retries, long cacheHits, long cacheMisses) {

    /** @return items that entered but were neither finished, filtered nor dead-lettered (a stopped run) */
    public long unfinished() {
        return in - out - filtered - deadLettered;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name).append(" [").append(kind.name().toLowerCase(java.util.Locale.ROOT))
                .append("] in=").append(in).append(" out=").append(out);
        if (filtered > 0) {
            s.append(" filtered=").append(filtered);
        }
        if (deadLettered > 0) {
            s.append(" deadLettered=").append(deadLettered);
        }
        if (unfinished() != 0) {
            s.append(" unfinished=").append(unfinished());
        }
        if (kind == StageKind.FLAT_MAP || kind == StageKind.BATCH || kind == StageKind.UNBATCH) {
            s.append(" emitted=").append(emitted);
        }
        if (retries > 0) {
            s.append(" retries=").append(retries);
        }
        if (cacheHits + cacheMisses > 0) {
            s.append(" cache=").append(cacheHits).append('/').append(cacheHits + cacheMisses);
        }
        return s.toString();
    }
}
