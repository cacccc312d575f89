package dev.aio.llm.langchain4j.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads how long a server asked to wait from its response headers: {@code retry-after-ms}
 * (OpenAI's millisecond form, preferred when present), else {@code Retry-After} as
 * delay-seconds or as an HTTP-date (RFC 9110 section 10.2.3).
 */
final class RetryAfter {

    /** Waits beyond this are clamped: a garbled header must not turn into a year-long sleep. */
    static final Duration MAX = Duration.ofHours(1);

    private RetryAfter() {
    }

    /**
     * Parses the hint of a response.
     *
     * @param response the error response
     * @param clock the clock an HTTP-date is measured against
     * @return the wait, zero or positive; empty when the headers name none or cannot be read
     */
    static Optional<Duration> of(ProviderHttpException response, Clock clock) {
        Optional<Duration> millis = response.header("retry-after-ms").flatMap(RetryAfter::millis);
        if (millis.isPresent()) {
            return millis;
        }
        return response.header("retry-after").flatMap(v -> parse(v, clock));
    }

    static Optional<Duration> parse(String value, Clock clock) {
        String v = value.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (Character.isDigit(v.charAt(0))) {
            try {
                // Integer seconds per the RFC; some servers send a fraction, which is honoured too.
                double seconds = Double.parseDouble(v);
                return Optional.of(clamp(Duration.ofMillis((long) Math.ceil(seconds * 1000))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : clamp(wait));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> millis(String value) {
        try {
            double ms = Double.parseDouble(value.strip());
            return ms >= 0 ? Optional.of(clamp(Duration.ofNanos((long) (ms * 1_000_000)))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration clamp(Duration d) {
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
