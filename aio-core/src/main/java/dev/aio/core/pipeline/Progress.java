package dev.aio.core.pipeline;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How far a streaming run has come, in source items: an item is done when everything derived
 * from it has left the pipeline (written by the sink, filtered or dead-lettered). Enough to drive
 * a progress bar.
 *
 * @param runId the run
 * @param done source items fully processed
 * @param read source items read so far
 * @param total the source's size when known (a {@link java.util.Collection}), else -1
 * @param elapsed time since the run started
 */
public record Progress(String runId, long done, long read, long total, Duration elapsed) {

    /** @return the source's size, when known */
    public OptionalLong totalIfKnown() {
        return total < 0 ? OptionalLong.empty() : OptionalLong.of(total);
    }

    /** @return items done per second since the start */
    public double ratePerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : done / seconds;
    }

    /** @return the estimated time left, when the total is known and the rate is positive */
    public Optional<Duration> eta() {
        double rate = ratePerSecond();
        if (total < 0 || rate <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) ((total - done) / rate * 1e9)));
    }

    /** @return the fraction done between 0 and 1, when the total is known */
    public Optional<Double> fraction() {
        return total <= 0 ? Optional.empty() : Optional.of(Math.min(1.0, (double) done / total));
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder().append(done);
        if (total >= 0) {
            s.append('/').append(total);
        }
        s.append(" items, ").append(String.format(java.util.Locale.ROOT, "%.1f", ratePerSecond())).append("/s");
        eta().ifPresent(eta -> s.append(", eta ").append(eta.toSeconds()).append('s'));
        return s.toString();
    }
}
