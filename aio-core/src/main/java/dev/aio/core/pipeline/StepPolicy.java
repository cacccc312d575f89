package dev.aio.core.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a stage survives failure: retry with exponential backoff and jitter, a per-attempt
 * timeout, a rate limit, a circuit breaker and a bulkhead. The stateful parts (rate limiter,
 * breaker, bulkhead) run on resilience4j.
 *
 * <p>A policy is an immutable value; every method returns a new policy. Give it a
 * {@linkplain #named(String) name} and every stage of a pipeline that uses a policy of that name
 * shares one rate limiter, one breaker and one bulkhead: the budget of one provider, however many
 * stages call it. Unnamed policies get their own state per stage.
 *
 * <pre>{@code
 * StepPolicy openAi = StepPolicy.named("openai")
 *     .retry(5)                                   // up to 5 attempts in all
 *     .timeout(Duration.ofSeconds(30))            // per attempt
 *     .rateLimit(50, Duration.ofSeconds(1))
 *     .circuitBreaker(50, 20, Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>Only retriable failures are retried (see {@link ErrorClassifier}); a failure that exhausts
 * the policy goes to the dead-letter sink, or fails {@link Pipeline#call} with a
 * {@link StageFailedException}.
 *
 * <p>A {@link dev.aio.core.RetriableException} that carries a
 * {@linkplain dev.aio.core.RetriableException#retryAfter() retry-after hint} (a provider's HTTP
 * {@code Retry-After}) is retried no sooner than the hint: the wait is the larger of the backoff
 * and the hint. A hint longer than {@link #maxBackoff()} is not waited for: the item fails at
 * once, still marked retriable, rather than parking a worker for that long. Raise the backoff
 * cap to wait for longer hints.
 */
public final class StepPolicy {

    /** Default first backoff interval: 100 ms. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
    /** Default backoff growth per attempt: 2.0. */
    public static final double DEFAULT_BACKOFF_MULTIPLIER = 2.0;
    /** Default cap on one backoff interval: 30 s. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
    /** Default jitter: each interval is drawn from +/- 50% around its nominal value. */
    public static final double DEFAULT_JITTER = 0.5;
    /** Default longest wait for a rate-limit permit or a bulkhead slot: 5 minutes. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(5);

    private static final StepPolicy NONE = new StepPolicy(new Settings());

    /** The settings; written only while a new policy is being made, then never again. */
    private final Settings s;

    private StepPolicy(Settings settings) {
        this.s = settings;
    }

    /**
     * A policy that does nothing: one attempt, no limits.
     *
     * @return the empty policy
     */
    public static StepPolicy none() {
        return NONE;
    }

    /**
     * A policy of up to {@code maxAttempts} attempts with the default backoff.
     *
     * @param maxAttempts attempts in all, including the first; at least 1
     * @return the policy
     */
    public static StepPolicy retry(int maxAttempts) {
        return NONE.withRetry(maxAttempts);
    }

    /**
     * An empty policy with a name, whose rate limiter, breaker and bulkhead are shared by every
     * stage of the pipeline that uses a policy of the same name.
     *
     * @param name the provider or budget name, such as {@code "openai"}
     * @return the policy
     */
    public static StepPolicy named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a shared policy needs a non-blank name, got '" + name + "'");
        }
        String stripped = name.strip();
        return NONE.with(c -> c.name = stripped);
    }

    /**
     * Sets the number of attempts.
     *
     * @param maxAttempts attempts in all, including the first; at least 1
     * @return a new policy
     */
    public StepPolicy withRetry(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 (1 = no retry), got " + maxAttempts);
        }
        return with(c -> c.maxAttempts = maxAttempts);
    }

    /**
     * Sets the exponential backoff between attempts: {@code initial * multiplier^(attempt-1)},
     * capped at {@code max}, then jittered.
     *
     * @param initial the first interval; positive
     * @param multiplier growth per attempt; at least 1.0
     * @param max the largest interval; at least {@code initial}
     * @return a new policy
     */
    public StepPolicy backoff(Duration initial, double multiplier, Duration max) {
        requirePositive("initial backoff", initial);
        requirePositive("max backoff", max);
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("backoff multiplier must be a finite number >= 1.0, got " + multiplier);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff " + max + " is shorter than the initial backoff " + initial);
        }
        return with(c -> {
            c.initialBackoff = initial;
            c.backoffMultiplier = multiplier;
            c.maxBackoff = max;
        });
    }

    /**
     * Sets the jitter: each backoff interval is drawn uniformly from
     * {@code [nominal * (1 - factor), nominal * (1 + factor)]}, so that callers that failed
     * together do not retry together.
     *
     * @param factor between 0.0 (no jitter) and 1.0
     * @return a new policy
     */
    public StepPolicy jitter(double factor) {
        if (!(factor >= 0.0 && factor <= 1.0)) {
            throw new IllegalArgumentException("jitter factor must be between 0.0 and 1.0, got " + factor);
        }
        return with(c -> c.jitter = factor);
    }

    /**
     * Bounds each attempt. An attempt that runs longer is interrupted and fails with a
     * (retriable) {@link StageTimeoutException}. Timed attempts run on a helper thread so that
     * the stage's worker can give up on them.
     *
     * @param perAttempt the limit for one attempt; positive
     * @return a new policy
     */
    public StepPolicy timeout(Duration perAttempt) {
        requirePositive("timeout", perAttempt);
        return with(c -> c.timeout = perAttempt);
    }

    /**
     * Allows at most {@code permits} attempts per {@code period}; attempts beyond it wait for
     * the next period (up to {@link #maxWait(Duration)}, then fail with a retriable
     * {@link PolicyRejectedException}).
     *
     * @param permits attempts per period; at least 1
     * @param period the refresh period; positive
     * @return a new policy
     */
    public StepPolicy rateLimit(int permits, Duration period) {
        if (permits < 1) {
            throw new IllegalArgumentException("rate limit permits must be at least 1, got " + permits);
        }
        requirePositive("rate limit period", period);
        return with(c -> {
            c.ratePermits = permits;
            c.ratePeriod = period;
        });
    }

    /**
     * Adds a circuit breaker: when at least {@code failureRatePercent}% of the last
     * {@code window} attempts failed with a retriable error, the breaker opens and attempts fail
     * at once with a retriable {@link PolicyRejectedException} for {@code openFor}; then a few
     * trial attempts decide whether it closes again. Non-retriable failures (bad input) do not
     * count against the provider.
     *
     * @param failureRatePercent 1 to 100
     * @param window the number of recent attempts considered; at least 1
     * @param openFor how long the breaker stays open; positive
     * @return a new policy
     */
    public StepPolicy circuitBreaker(int failureRatePercent, int window, Duration openFor) {
        if (failureRatePercent < 1 || failureRatePercent > 100) {
            throw new IllegalArgumentException("breaker failure rate must be 1..100 percent, got " + failureRatePercent);
        }
        if (window < 1) {
            throw new IllegalArgumentException("breaker window must be at least 1 call, got " + window);
        }
        requirePositive("breaker open duration", openFor);
        return with(c -> {
            c.breakerFailureRatePercent = failureRatePercent;
            c.breakerWindow = window;
            c.breakerOpenFor = openFor;
        });
    }

    /**
     * Allows at most {@code maxConcurrent} attempts at once; more wait for a slot (up to
     * {@link #maxWait(Duration)}, then fail with a retriable {@link PolicyRejectedException}).
     *
     * @param maxConcurrent at least 1
     * @return a new policy
     */
    public StepPolicy bulkhead(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("bulkhead size must be at least 1, got " + maxConcurrent);
        }
        return with(c -> c.bulkheadMaxConcurrent = maxConcurrent);
    }

    /**
     * Sets how long an attempt may wait for a rate-limit permit or a bulkhead slot.
     *
     * @param wait zero (do not wait) or positive
     * @return a new policy
     */
    public StepPolicy maxWait(Duration wait) {
        Objects.requireNonNull(wait, "maxWait");
        if (wait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative, got " + wait);
        }
        return with(c -> c.maxWait = wait);
    }

    /**
     * Sets which failures are retried, for exceptions that are not {@code AioException}s.
     *
     * @param errorClassifier for example {@link ErrorClassifier#RETRY_UNKNOWN}
     * @return a new policy
     */
    public StepPolicy retryOn(ErrorClassifier errorClassifier) {
        Objects.requireNonNull(errorClassifier, "errorClassifier");
        return with(c -> c.classifier = errorClassifier);
    }

    /** @return the shared name, or {@code null} for a policy private to its stage */
    public String name() {
        return s.name;
    }

    /** @return attempts in all, including the first */
    public int maxAttempts() {
        return s.maxAttempts;
    }

    /** @return the first backoff interval */
    public Duration initialBackoff() {
        return s.initialBackoff;
    }

    /** @return the backoff growth per attempt */
    public double backoffMultiplier() {
        return s.backoffMultiplier;
    }

    /** @return the cap on one backoff interval */
    public Duration maxBackoff() {
        return s.maxBackoff;
    }

    /** @return the jitter factor */
    public double jitter() {
        return s.jitter;
    }

    /** @return the per-attempt timeout, or {@code null} for none */
    public Duration timeout() {
        return s.timeout;
    }

    /** @return rate-limit permits per period, or 0 for no rate limit */
    public int ratePermits() {
        return s.ratePermits;
    }

    /** @return the rate-limit period, or {@code null} for no rate limit */
    public Duration ratePeriod() {
        return s.ratePeriod;
    }

    /** @return the breaker's failure-rate threshold in percent, or 0 for no breaker */
    public int breakerFailureRatePercent() {
        return s.breakerFailureRatePercent;
    }

    /** @return the breaker's sliding window in calls */
    public int breakerWindow() {
        return s.breakerWindow;
    }

    /** @return how long the breaker stays open, or {@code null} for no breaker */
    public Duration breakerOpenFor() {
        return s.breakerOpenFor;
    }

    /** @return the bulkhead size, or 0 for no bulkhead */
    public int bulkheadMaxConcurrent() {
        return s.bulkheadMaxConcurrent;
    }

    /** @return the longest wait for a rate-limit permit or a bulkhead slot */
    public Duration maxWait() {
        return s.maxWait;
    }

    /** @return the classifier for exceptions that are not {@code AioException}s */
    public ErrorClassifier errorClassifier() {
        return s.classifier;
    }

    /** @return whether this policy changes anything about how the stage runs */
    public boolean isNone() {
        return s.maxAttempts == 1 && s.timeout == null && s.ratePermits == 0 && s.breakerFailureRatePercent == 0
                && s.bulkheadMaxConcurrent == 0;
    }

    /**
     * The policy as a map of its settings, in a fixed order: what {@link Pipeline#spec()} shows.
     *
     * @return an unmodifiable view
     */
    public Map<String, Object> toSpec() {
        Map<String, Object> spec = new LinkedHashMap<>();
        if (s.name != null) {
            spec.put("name", s.name);
        }
        spec.put("maxAttempts", s.maxAttempts);
        if (s.maxAttempts > 1) {
            spec.put("backoff", ordered("initialMillis", s.initialBackoff.toMillis(), "multiplier",
                    s.backoffMultiplier, "maxMillis", s.maxBackoff.toMillis(), "jitter", s.jitter));
            spec.put("retryOn", s.classifier.toString());
        }
        if (s.timeout != null) {
            spec.put("timeoutMillis", s.timeout.toMillis());
        }
        if (s.ratePermits > 0) {
            spec.put("rateLimit", ordered("permits", s.ratePermits, "periodMillis", s.ratePeriod.toMillis()));
        }
        if (s.breakerFailureRatePercent > 0) {
            spec.put("circuitBreaker", ordered("failureRatePercent", s.breakerFailureRatePercent,
                    "window", s.breakerWindow, "openForMillis", s.breakerOpenFor.toMillis()));
        }
        if (s.bulkheadMaxConcurrent > 0) {
            spec.put("bulkhead", s.bulkheadMaxConcurrent);
        }
        if (s.ratePermits > 0 || s.bulkheadMaxConcurrent > 0) {
            spec.put("maxWaitMillis", s.maxWait.toMillis());
        }
        return java.util.Collections.unmodifiableMap(spec);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** A short human-readable form, such as {@code retry 5, timeout PT30S, breaker 50%/20}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (s.name != null) {
            out.append(s.name).append(": ");
        }
        if (isNone()) {
            return out.append("none").toString();
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (s.maxAttempts > 1) {
            parts.add("retry " + s.maxAttempts);
        }
        if (s.timeout != null) {
            parts.add("timeout " + s.timeout);
        }
        if (s.ratePermits > 0) {
            parts.add("rate " + s.ratePermits + "/" + s.ratePeriod);
        }
        if (s.breakerFailureRatePercent > 0) {
            parts.add("breaker " + s.breakerFailureRatePercent + "%/" + s.breakerWindow);
        }
        if (s.bulkheadMaxConcurrent > 0) {
            parts.add("bulkhead " + s.bulkheadMaxConcurrent);
        }
        return out.append(String.join(", ", parts)).toString();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StepPolicy)) {
            return false;
        }
        StepPolicy p = (StepPolicy) o;
        return s.maxAttempts == p.s.maxAttempts && Double.compare(s.backoffMultiplier, p.s.backoffMultiplier) == 0
                && Double.compare(s.jitter, p.s.jitter) == 0 && s.ratePermits == p.s.ratePermits
                && s.breakerFailureRatePercent == p.s.breakerFailureRatePercent && s.breakerWindow == p.s.breakerWindow
                && s.bulkheadMaxConcurrent == p.s.bulkheadMaxConcurrent && Objects.equals(s.name, p.s.name)
                && s.initialBackoff.equals(p.s.initialBackoff) && s.maxBackoff.equals(p.s.maxBackoff)
                && Objects.equals(s.timeout, p.s.timeout) && Objects.equals(s.ratePeriod, p.s.ratePeriod)
                && Objects.equals(s.breakerOpenFor, p.s.breakerOpenFor) && s.maxWait.equals(p.s.maxWait)
                && s.classifier.equals(p.s.classifier);
    }

    @Override
    public int hashCode() {
        return Objects.hash(s.name, s.maxAttempts, s.timeout, s.ratePermits, s.breakerFailureRatePercent, s.bulkheadMaxConcurrent);
    }

    private StepPolicy with(java.util.function.Consumer<Settings> change) {
        Settings copy = s.copy();
        change.accept(copy);
        return new StepPolicy(copy);
    }

    private static void requirePositive(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }

    /** Mutable only inside {@link #with}; every published policy holds a private copy. */
    private static final class Settings implements Cloneable {
        String name;
        int maxAttempts = 1;
        Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        double backoffMultiplier = DEFAULT_BACKOFF_MULTIPLIER;
        Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        double jitter = DEFAULT_JITTER;
        Duration timeout;
        int ratePermits;
        Duration ratePeriod;
        int breakerFailureRatePercent;
        int breakerWindow;
        Duration breakerOpenFor;
        int bulkheadMaxConcurrent;
        Duration maxWait = DEFAULT_MAX_WAIT;
        ErrorClassifier classifier = ErrorClassifier.DEFAULT;

        Settings copy() {
            try {
                return (Settings) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
