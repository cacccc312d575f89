package dev.aio.core.model.routing;

import dev.aio.core.pipeline.TimeSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Lets a resilience4j breaker read a {@link TimeSource}, so tests can open and close it without sleeping. */
final class TimeSourceClock extends Clock {

    private final TimeSource time;

    TimeSourceClock(TimeSource time) {
        this.time = time;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return time.now();
    }
}
