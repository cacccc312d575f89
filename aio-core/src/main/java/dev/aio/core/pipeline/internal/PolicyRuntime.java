package dev.aio.core.pipeline.internal;

import dev.aio.core.RetriableException;
import dev.aio.core.pipeline.ErrorClassifier;
import dev.aio.core.pipeline.PolicyRejectedException;
import dev.aio.core.pipeline.StageTimeoutException;
import dev.aio.core.pipeline.StepPolicy;
import dev.aio.core.pipeline.TimeSource;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one stage's calls under its {@link StepPolicy}: the retry loop with jittered exponential
 * backoff, and for each attempt the circuit breaker, rate limiter, bulkhead and timeout. The
 * stateful parts are resilience4j objects in a {@link Shared} instance, which stages using a
 * policy of the same name share.
 */
final class PolicyRuntime {

    /** The state that a named policy shares between stages: one provider's budget. */
    static final class Shared {
        final StepPolicy policy;
        final CircuitBreaker breaker;
        final RateLimiter limiter;
        final Bulkhead bulkhead;

        Shared(String name, StepPolicy policy, TimeSource time) {
            this.policy = policy;
            this.breaker = policy.breakerFailureRatePercent() == 0 ? null : CircuitBreaker.of(name,
                    CircuitBreakerConfig.custom()
                            .failureRateThreshold(policy.breakerFailureRatePercent())
                            .slidingWindow(policy.breakerWindow(), policy.breakerWindow(),
                                    CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                            .waitDurationInOpenState(policy.breakerOpenFor())
                            .permittedNumberOfCallsInHalfOpenState(Math.min(policy.breakerWindow(), 3))
                            .clock(new TimeSourceClock(time))
                            .build());
            // The limiter reads the pipeline's time source, like the breaker, so tests can refill it.
            this.limiter = policy.ratePermits() == 0 ? null : new AtomicRateLimiter(name, RateLimiterConfig.custom()
                    .limitForPeriod(policy.ratePermits())
                    .limitRefreshPeriod(policy.ratePeriod())
                    .timeoutDuration(policy.maxWait())
                    .build(), time::nanoTime);
            this.bulkhead = policy.bulkheadMaxConcurrent() == 0 ? null : Bulkhead.of(name, BulkheadConfig.custom()
                    .maxConcurrentCalls(policy.bulkheadMaxConcurrent())
                    .maxWaitDuration(policy.maxWait())
                    .build());
        }
    }

    private final StepPolicy policy;
    private final Shared shared;
    private final TimeSource time;
    private final Executor attempts;
    private final ErrorClassifier classifier;
    private final String description;

    PolicyRuntime(StepPolicy policy, Shared shared, TimeSource time, Executor attempts) {
        this.policy = policy;
        this.shared = shared;
        this.time = time;
        this.attempts = attempts;
        this.classifier = policy.errorClassifier();
        this.description = policy.toString();
    }

    /**
     * Calls the stage's function until it succeeds, the failure is not retriable, or the attempts
     * run out.
     *
     * @throws ItemFailure when the policy gives up
     * @throws InterruptedException when the calling worker is interrupted while waiting
     */
    Object execute(StageRuntime stage, Object input, StageCounters counters, SafeListener listener)
            throws ItemFailure, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Throwable failure;
            try {
                return attemptOnce(stage, input);
            } catch (InterruptedException e) {
                throw e;
            } catch (Throwable t) {
                failure = unwrap(t);
            }
            boolean retriable = classifier.isRetriable(failure);
            Duration hint = retryAfter(failure);
            // A provider that asks for a longer wait than the policy's longest backoff is not
            // waited for: a worker thread parked for minutes stalls the stage, so the item fails
            // (retriable, so a later run or the dead-letter replay can try again).
            boolean again = retriable && attempt < policy.maxAttempts()
                    && (hint == null || hint.compareTo(policy.maxBackoff()) <= 0);
            if (listener.active()) {
                listener.onItemError(stage.name, input, failure, attempt, again);
            }
            if (!again) {
                throw new ItemFailure(failure, attempt, retriable);
            }
            if (counters != null) {
                counters.retries.increment();
            }
            time.sleep(wait(attempt, hint));
        }
    }

    /** The wait before the next attempt: the backoff, but never less than the provider asked for. */
    Duration wait(int attempt, Duration retryAfter) {
        Duration backoff = backoff(attempt);
        return retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
    }

    /** The provider's requested wait carried by a retriable failure, or null. */
    private static Duration retryAfter(Throwable failure) {
        return failure instanceof RetriableException r ? r.retryAfter().orElse(null) : null;
    }

    /** The wait after failed attempt number {@code attempt}: exponential, capped, jittered. */
    Duration backoff(int attempt) {
        double nominal = policy.initialBackoff().toNanos() * Math.pow(policy.backoffMultiplier(), attempt - 1);
        nominal = Math.min(nominal, policy.maxBackoff().toNanos());
        double jitter = policy.jitter();
        double factor = jitter == 0 ? 1.0 : 1.0 + jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofNanos((long) (nominal * factor));
    }

    private Object attemptOnce(StageRuntime stage, Object input) throws Exception {
        CircuitBreaker breaker = shared.breaker;
        if (breaker != null && !breaker.tryAcquirePermission()) {
            throw new PolicyRejectedException(stage.name, description, PolicyRejectedException.Reason.CIRCUIT_OPEN);
        }
        long start = time.nanoTime();
        boolean bulkheadHeld = false;
        try {
            if (shared.limiter != null && !shared.limiter.acquirePermission()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("interrupted while waiting for a rate-limit permit");
                }
                throw new PolicyRejectedException(stage.name, description, PolicyRejectedException.Reason.RATE_LIMITED);
            }
            if (shared.bulkhead != null) {
                if (!shared.bulkhead.tryAcquirePermission()) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException("interrupted while waiting for a bulkhead slot");
                    }
                    throw new PolicyRejectedException(stage.name, description,
                            PolicyRejectedException.Reason.BULKHEAD_FULL);
                }
                bulkheadHeld = true;
            }
            Object result = policy.timeout() == null ? stage.callUser(input) : callWithTimeout(stage, input);
            if (breaker != null) {
                breaker.onSuccess(time.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
            return result;
        } catch (Throwable t) {
            if (breaker != null) {
                Throwable cause = unwrap(t);
                // Only failures that say the provider is unwell count against it: bad input and
                // the policy's own refusals do not.
                if (cause instanceof PolicyRejectedException || cause instanceof InterruptedException
                        || !classifier.isRetriable(cause)) {
                    breaker.releasePermission();
                } else {
                    breaker.onError(time.nanoTime() - start, TimeUnit.NANOSECONDS, cause);
                }
            }
            throw t;
        } finally {
            if (bulkheadHeld) {
                shared.bulkhead.onComplete();
            }
        }
    }

    private Object callWithTimeout(StageRuntime stage, Object input) throws Exception {
        FutureTask<Object> task = new FutureTask<>(() -> stage.callUser(input));
        // The clock starts before the hand-off, so time spent starting the attempt counts too.
        long deadline = time.nanoTime() + policy.timeout().toNanos();
        attempts.execute(task);
        try {
            while (true) {
                long remaining = deadline - time.nanoTime();
                if (remaining <= 0) {
                    task.cancel(true);
                    throw new StageTimeoutException(stage.name, policy.timeout());
                }
                try {
                    return task.get(Math.min(remaining, time.maxBlockNanos()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException notYet) {
                    // Re-read the time source: a test clock may have moved.
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw (Error) cause;
        } catch (InterruptedException e) {
            task.cancel(true);
            throw e;
        }
    }

    /** Removes the wrappers that executors and reflection put around the real failure. */
    static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof ExecutionException || current instanceof CompletionException
                || current instanceof UndeclaredThrowableException || current instanceof InvocationTargetException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** Lets resilience4j's breaker read the pipeline's time source, so tests can open and close it. */
    private static final class TimeSourceClock extends Clock {
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
}
