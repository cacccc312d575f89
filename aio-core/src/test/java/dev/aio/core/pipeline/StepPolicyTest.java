package dev.aio.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aio.core.NonRetriableException;
import dev.aio.core.RetriableException;
import dev.aio.core.testing.ManualTimeSource;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Retries, backoff, timeouts, breaker, rate limit, bulkhead and shared budgets, seen through a pipeline. */
class StepPolicyTest {

    private final ManualTimeSource clock = new ManualTimeSource();
    private final AtomicInteger calls = new AtomicInteger();

    // ---------------------------------------------------------------- validation

    @Test
    void refusedSettingsNameTheRejectedValue() {
        assertThatThrownBy(() -> StepPolicy.retry(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttempts").hasMessageContaining("got 0");
        assertThatThrownBy(() -> StepPolicy.none().backoff(Duration.ZERO, 2.0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial backoff")
                .hasMessageContaining("got PT0S");
        assertThatThrownBy(() -> StepPolicy.none().backoff(Duration.ofMillis(10), 0.5, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0.5");
        assertThatThrownBy(() -> StepPolicy.none().backoff(Duration.ofMillis(10), Double.NaN, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got NaN");
        assertThatThrownBy(() -> StepPolicy.none().backoff(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT1S")
                .hasMessageContaining("PT2S");
        assertThatThrownBy(() -> StepPolicy.none().jitter(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 1.5");
        assertThatThrownBy(() -> StepPolicy.none().timeout(Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout")
                .hasMessageContaining("got PT-0.005S");
        assertThatThrownBy(() -> StepPolicy.none().rateLimit(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
        assertThatThrownBy(() -> StepPolicy.none().rateLimit(5, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate limit period")
                .hasMessageContaining("got PT0S");
        assertThatThrownBy(() -> StepPolicy.none().circuitBreaker(101, 10, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 101");
        assertThatThrownBy(() -> StepPolicy.none().circuitBreaker(50, 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window")
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> StepPolicy.none().bulkhead(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
        assertThatThrownBy(() -> StepPolicy.none().maxWait(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got PT-1S");
        assertThatThrownBy(() -> StepPolicy.named(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got ' '");
    }

    @Test
    void policiesAreImmutableValues() {
        StepPolicy base = StepPolicy.retry(3);
        StepPolicy longer = base.timeout(Duration.ofSeconds(5));
        assertThat(base.timeout()).isNull();
        assertThat(longer.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(base).isEqualTo(StepPolicy.retry(3)).hasSameHashCodeAs(StepPolicy.retry(3));
        assertThat(base).isNotEqualTo(longer);
        assertThat(StepPolicy.none().isNone()).isTrue();
        assertThat(StepPolicy.named("openai").isNone()).isTrue();
    }

    // ---------------------------------------------------------------- backoff

    @Test
    void backoffGrowsExponentiallyAndIsCapped() {
        StepPolicy policy = StepPolicy.retry(5).backoff(Duration.ofMillis(100), 2.0, Duration.ofMillis(350)).jitter(0);
        try (Pipeline<String, String> pipeline = alwaysFailing(policy, () -> new RetriableException("503"))) {
            assertThatThrownBy(() -> pipeline.call("x")).isInstanceOf(StageFailedException.class);
        }
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(350), Duration.ofMillis(350));
    }

    @Test
    void jitteredBackoffStaysWithinItsBoundsAndVaries() {
        StepPolicy policy = StepPolicy.retry(40).backoff(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1)).jitter(0.25);
        try (Pipeline<String, String> pipeline = alwaysFailing(policy, () -> new RetriableException("503"))) {
            assertThatThrownBy(() -> pipeline.call("x")).isInstanceOf(StageFailedException.class);
        }
        List<Duration> sleeps = clock.sleeps();
        assertThat(sleeps).hasSize(39).allSatisfy(d -> assertThat(d)
                .isBetween(Duration.ofMillis(750), Duration.ofMillis(1250)));
        assertThat(sleeps.stream().distinct().count()).as("jitter spreads retries apart").isGreaterThan(1);
    }

    @Test
    void theDefaultBackoffStartsAtItsDocumentedValueWithinTheDefaultJitter() {
        try (Pipeline<String, String> pipeline = alwaysFailing(StepPolicy.retry(2), () -> new RetriableException("x"))) {
            assertThatThrownBy(() -> pipeline.call("x")).isInstanceOf(StageFailedException.class);
        }
        assertThat(clock.sleeps()).singleElement().satisfies(d -> assertThat(d)
                .isBetween(Duration.ofMillis(50), Duration.ofMillis(150)));
    }

    @Test
    void aRetryAfterHintLongerThanTheBackoffIsWaitedForInFull() {
        StepPolicy policy = StepPolicy.retry(3).backoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(10)).jitter(0);
        try (Pipeline<String, String> pipeline = alwaysFailing(policy,
                () -> new RetriableException("429 from provider", null, Duration.ofSeconds(7)))) {
            assertThatThrownBy(() -> pipeline.call("x")).isInstanceOf(StageFailedException.class);
        }
        assertThat(calls).hasValue(3);
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
    }

    @Test
    void aRetryAfterHintShorterThanTheBackoffDoesNotShortenIt() {
        StepPolicy policy = StepPolicy.retry(2).backoff(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(10)).jitter(0);
        try (Pipeline<String, String> pipeline = alwaysFailing(policy,
                () -> new RetriableException("503", null, Duration.ofMillis(500)))) {
            assertThatThrownBy(() -> pipeline.call("x")).isInstanceOf(StageFailedException.class);
        }
        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterHintBeyondTheBackoffCapFailsTheItemWithoutWaiting() {
        StepPolicy policy = StepPolicy.retry(5).backoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(30));
        try (Pipeline<String, String> pipeline = alwaysFailing(policy,
                () -> new RetriableException("429", null, Duration.ofMinutes(10)))) {
            StageFailedException failure = catchThrowableOfType(StageFailedException.class, () -> pipeline.call("x"));
            assertThat(failure.attempts()).isEqualTo(1);
            assertThat(failure.isRetriable()).as("a later run may still succeed").isTrue();
        }
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void aNegativeRetryAfterHintIsRefused() {
        assertThatThrownBy(() -> new RetriableException("x", null, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got PT-1S");
        assertThat(new RetriableException("x", null, Duration.ofSeconds(3))).hasToString(
                "dev.aio.core.RetriableException: x (retry after PT3S)");
    }

    // ---------------------------------------------------------------- what is retried

    @Test
    void retriesARetriableFailureUntilItSucceeds() {
        try (Pipeline<String, String> pipeline = pipeline(StepPolicy.retry(3), s -> {
            if (calls.incrementAndGet() < 3) {
                throw new RetriableException("busy");
            }
            return s + "!";
        })) {
            assertThat(pipeline.call("ok")).isEqualTo("ok!");
            assertThat(calls).hasValue(3);
        }
    }

    @Test
    void neverRetriesANonRetriableFailure() {
        try (Pipeline<String, String> pipeline = alwaysFailing(StepPolicy.retry(5).retryOn(ErrorClassifier.RETRY_UNKNOWN),
                () -> new NonRetriableException("bad input"))) {
            StageFailedException failure = catchThrowableOfType(StageFailedException.class, () -> pipeline.call("x"));
            assertThat(failure.attempts()).isEqualTo(1);
            assertThat(failure.isRetriable()).isFalse();
            assertThat(failure.stage()).isEqualTo("work");
            assertThat(failure).hasCauseInstanceOf(NonRetriableException.class).hasMessageContaining("bad input");
        }
        assertThat(calls).hasValue(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void retriesAnIoExceptionByDefault() {
        try (Pipeline<String, String> pipeline = alwaysFailing(StepPolicy.retry(3), () -> new IOException("reset"))) {
            StageFailedException failure = catchThrowableOfType(StageFailedException.class, () -> pipeline.call("x"));
            assertThat(failure.attempts()).isEqualTo(3);
            assertThat(failure.isRetriable()).isTrue();
            assertThat(failure).hasCauseInstanceOf(IOException.class)
                    .hasMessageContaining("stage 'work' failed after 3 attempts");
        }
        assertThat(calls).hasValue(3);
    }

    @Test
    void doesNotRetryAnUnknownExceptionByDefault() {
        try (Pipeline<String, String> pipeline = alwaysFailing(StepPolicy.retry(3), () -> new IllegalStateException("?"))) {
            StageFailedException failure = catchThrowableOfType(StageFailedException.class, () -> pipeline.call("x"));
            assertThat(failure.attempts()).isEqualTo(1);
            assertThat(failure.isRetriable()).isFalse();
            assertThat(failure).hasMessageContaining("after 1 attempt:");
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void retriesAnUnknownExceptionWhenTheClassifierSaysSo() {
        StepPolicy policy = StepPolicy.retry(3).retryOn(ErrorClassifier.RETRY_UNKNOWN);
        try (Pipeline<String, String> pipeline = alwaysFailing(policy, () -> new IllegalStateException("?"))) {
            StageFailedException failure = catchThrowableOfType(StageFailedException.class, () -> pipeline.call("x"));
            assertThat(failure.attempts()).isEqualTo(3);
            assertThat(failure.isRetriable()).isTrue();
        }
        assertThat(calls).hasValue(3);
    }

    @Test
    void neverRetriesAnError() {
        StepPolicy policy = StepPolicy.retry(3).retryOn(ErrorClassifier.RETRY_UNKNOWN);
        try (Pipeline<String, String> pipeline = alwaysFailing(policy, () -> new AssertionError("broken"))) {
            StageFailedException failure = catchThrowableOfType(StageFailedException.class, () -> pipeline.call("x"));
            assertThat(failure.attempts()).isEqualTo(1);
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void aStreamingRunCountsAttemptsInDeadLettersAndRetriesInTheReport() {
        StepPolicy policy = StepPolicy.retry(3);
        try (Pipeline<String, String> pipeline = pipeline(policy, s -> {
            calls.incrementAndGet();
            if (s.startsWith("bad")) {
                throw new RetriableException("still down for " + s);
            }
            if (s.equals("flaky") && calls.get() < 100 && flakyFailures.getAndIncrement() < 2) {
                throw new RetriableException("blip");
            }
            return s;
        })) {
            RunReport report = pipeline.run(List.of("bad-1", "good", "flaky", "bad-2"));
            assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
            StageReport work = report.stage("work");
            assertThat(work.in()).isEqualTo(4);
            assertThat(work.out()).isEqualTo(2);
            assertThat(work.deadLettered()).isEqualTo(2);
            assertThat(work.retries()).as("2 per bad item + 2 for the flaky one").isEqualTo(6);
            assertThat(report.deadLetters()).extracting(DeadLetter::item).containsExactly("bad-1", "bad-2");
            assertThat(report.deadLetters()).allSatisfy(letter -> {
                assertThat(letter.attempts()).isEqualTo(3);
                assertThat(letter.stage()).isEqualTo("work");
                assertThat(letter.errorClass()).isEqualTo(RetriableException.class.getName());
            });
        }
        assertThat(calls).hasValue(3 + 1 + 3 + 3);
    }

    private final AtomicInteger flakyFailures = new AtomicInteger();

    // ---------------------------------------------------------------- timeout

    @Test
    void anAttemptPastItsTimeoutFailsWithStageTimeoutAndIsInterrupted() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class)
                .map("slow", s -> {
                    try {
                        never.await();
                        return s;
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                })
                .policy(StepPolicy.none().timeout(Duration.ofMillis(200)))
                .build()) {
            StageFailedException failure = catchThrowableOfType(StageFailedException.class, () -> pipeline.call("x"));
            assertThat(failure.getCause()).isInstanceOf(StageTimeoutException.class)
                    .hasMessageContaining("stage 'slow' attempt did not finish within PT0.2S");
            assertThat(failure.isRetriable()).isTrue();
            assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the blocked attempt was interrupted").isTrue();
        } finally {
            never.countDown();
        }
    }

    @Test
    void aTimedOutAttemptIsRetriedAndTheNextAttemptMaySucceed() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class)
                .map("slow", s -> {
                    if (calls.incrementAndGet() == 1) {
                        firstStarted.countDown();
                        never.await();
                    }
                    return s + "!";
                })
                .policy(StepPolicy.retry(2).timeout(Duration.ofMinutes(1)))
                .timeSource(clock)
                .build()) {
            CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> pipeline.call("x"));
            assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
            // The deadline was taken before the first attempt was handed off, so one move past it is enough;
            // the second attempt gets a fresh deadline and returns at once.
            clock.advance(Duration.ofMinutes(1).plusMillis(1));
            assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("x!");
            assertThat(calls).hasValue(2);
        } finally {
            never.countDown();
        }
    }

    @Test
    void aTimeoutCountsFromWhenTheAttemptWasHandedOffNotFromWhenTheWorkerStartsWatching() throws Exception {
        // An executor that returns only once the attempt is running: legal for an Executor, and what a
        // busy machine can look like. The attempt uses up more than its timeout before execute() returns.
        CountDownLatch attemptUsedItsTime = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Executor handOffThenWait = task -> {
            Thread thread = new Thread(task, "test-attempt");
            thread.setDaemon(true);
            thread.start();
            try {
                attemptUsedItsTime.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class)
                .map("slow", s -> {
                    clock.advance(Duration.ofSeconds(10));
                    attemptUsedItsTime.countDown();
                    never.await();
                    return s;
                })
                .policy(StepPolicy.none().timeout(Duration.ofSeconds(1)))
                .timeSource(clock)
                .executor(handOffThenWait)
                .build()) {
            CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> pipeline.call("x"));
            try {
                assertThatThrownBy(() -> result.get(1, TimeUnit.SECONDS))
                        .as("an attempt 10 s into a 1 s timeout must time out without the clock moving again")
                        .hasCauseInstanceOf(StageFailedException.class)
                        .hasRootCauseInstanceOf(StageTimeoutException.class);
            } finally {
                clock.advance(Duration.ofHours(1));
                never.countDown();
                result.handle((r, e) -> null).get(5, TimeUnit.SECONDS);
            }
        }
    }

    // ---------------------------------------------------------------- circuit breaker

    @Test
    void anOpenBreakerRefusesCallsForItsOpenDurationThenLetsATrialThrough() {
        Duration openFor = Duration.ofMinutes(1);
        AtomicInteger failuresLeft = new AtomicInteger(4);
        try (Pipeline<String, String> pipeline = pipeline(StepPolicy.none().circuitBreaker(50, 4, openFor), s -> {
            calls.incrementAndGet();
            if (failuresLeft.getAndDecrement() > 0) {
                throw new RetriableException("503 from provider");
            }
            return s;
        })) {
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> pipeline.call("x")).hasCauseInstanceOf(RetriableException.class)
                        .hasMessageContaining("503 from provider");
            }
            assertThat(rejection(pipeline)).isEqualTo(PolicyRejectedException.Reason.CIRCUIT_OPEN);
            assertThat(calls).as("an open breaker does not call the provider").hasValue(4);

            clock.advance(openFor.minusMillis(1));
            assertThat(rejection(pipeline)).isEqualTo(PolicyRejectedException.Reason.CIRCUIT_OPEN);
            assertThat(calls).hasValue(4);

            // resilience4j lets the trial through once the clock is strictly past the open period.
            clock.advance(Duration.ofMillis(2));
            assertThat(pipeline.call("trial")).isEqualTo("trial");
            assertThat(calls).hasValue(5);
        }
    }

    @Test
    void theBreakerMessageNamesTheStageAndThePolicy() {
        try (Pipeline<String, String> pipeline = alwaysFailing(
                StepPolicy.none().circuitBreaker(100, 1, Duration.ofMinutes(1)), () -> new RetriableException("503"))) {
            assertThatThrownBy(() -> pipeline.call("x")).isInstanceOf(StageFailedException.class);
            assertThatThrownBy(() -> pipeline.call("x")).rootCause().isInstanceOf(PolicyRejectedException.class)
                    .hasMessageContaining("stage 'work'").hasMessageContaining("breaker 100%/1")
                    .hasMessageContaining("circuit breaker is open");
        }
    }

    @Test
    void nonRetriableFailuresDoNotCountAgainstTheBreaker() {
        try (Pipeline<String, String> pipeline = pipeline(StepPolicy.none().circuitBreaker(50, 2, Duration.ofMinutes(1)),
                s -> {
                    calls.incrementAndGet();
                    if (s.startsWith("bad")) {
                        throw new NonRetriableException("malformed " + s);
                    }
                    if (s.startsWith("odd")) {
                        throw new IllegalArgumentException("not retried by default: " + s);
                    }
                    return s;
                })) {
            for (int i = 0; i < 5; i++) {
                String item = (i % 2 == 0 ? "bad-" : "odd-") + i;
                assertThatThrownBy(() -> pipeline.call(item)).isInstanceOf(StageFailedException.class)
                        .rootCause().isNotInstanceOf(PolicyRejectedException.class);
            }
            assertThat(pipeline.call("good")).isEqualTo("good");
            assertThat(calls).hasValue(6);
        }
    }

    // ---------------------------------------------------------------- rate limit and bulkhead

    @Test
    void aRateLimitWithoutWaitingRefusesAttemptsBeyondItsPermits() {
        StepPolicy policy = StepPolicy.none().rateLimit(2, Duration.ofHours(1)).maxWait(Duration.ZERO);
        try (Pipeline<String, String> pipeline = pipeline(policy, s -> {
            calls.incrementAndGet();
            return s;
        })) {
            assertThat(pipeline.call("a")).isEqualTo("a");
            assertThat(pipeline.call("b")).isEqualTo("b");
            assertThat(rejection(pipeline)).isEqualTo(PolicyRejectedException.Reason.RATE_LIMITED);
            assertThat(calls).hasValue(2);
        }
    }

    @Test
    void aRateLimitRefillsWhenThePipelinesClockPassesThePeriod() {
        // PipelineBuilder.timeSource: "the time source for deadlines, backoff, timeouts and rates".
        StepPolicy policy = StepPolicy.none().rateLimit(1, Duration.ofMinutes(1)).maxWait(Duration.ZERO);
        try (Pipeline<String, String> pipeline = pipeline(policy, s -> s)) {
            assertThat(pipeline.call("a")).isEqualTo("a");
            assertThat(rejection(pipeline)).isEqualTo(PolicyRejectedException.Reason.RATE_LIMITED);
            clock.advance(Duration.ofMinutes(1).plusMillis(1));
            assertThat(pipeline.call("b")).as("a new period has begun on the pipeline's clock").isEqualTo("b");
        }
    }

    @Test
    void aFullBulkheadWithoutWaitingRefusesAConcurrentCall() throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        StepPolicy policy = StepPolicy.none().bulkhead(1).maxWait(Duration.ZERO);
        try (Pipeline<String, String> pipeline = pipeline(policy, s -> {
            calls.incrementAndGet();
            if (s.equals("first")) {
                firstInside.countDown();
                releaseFirst.await();
            }
            return s;
        })) {
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> pipeline.call("first"));
            try {
                assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();
                assertThat(rejection(pipeline)).isEqualTo(PolicyRejectedException.Reason.BULKHEAD_FULL);
            } finally {
                releaseFirst.countDown();
            }
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(pipeline.call("after")).as("the slot is free again").isEqualTo("after");
            assertThat(calls).hasValue(2);
        }
    }

    // ---------------------------------------------------------------- shared (named) policies

    @Test
    void aNamedPolicySharesOneRateLimitAcrossStages() {
        StepPolicy shared = StepPolicy.named("p").rateLimit(2, Duration.ofHours(1)).maxWait(Duration.ZERO);
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class)
                .map("first", s -> s + "1").policy(shared)
                .map("second", s -> s + "2").policy(shared)
                .timeSource(clock)
                .build()) {
            assertThat(pipeline.call("x")).isEqualTo("x12");
            StageFailedException refused = catchThrowableOfType(StageFailedException.class, () -> pipeline.call("y"));
            assertThat(refused.stage()).isEqualTo("first");
            assertThat(((PolicyRejectedException) refused.getCause()).reason())
                    .isEqualTo(PolicyRejectedException.Reason.RATE_LIMITED);
        }
    }

    @Test
    void unnamedPoliciesKeepOneRateLimitPerStage() {
        StepPolicy own = StepPolicy.none().rateLimit(2, Duration.ofHours(1)).maxWait(Duration.ZERO);
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class)
                .map("first", s -> s + "1").policy(own)
                .map("second", s -> s + "2").policy(own)
                .timeSource(clock)
                .build()) {
            assertThat(pipeline.call("x")).isEqualTo("x12");
            assertThat(pipeline.call("y")).isEqualTo("y12");
            assertThatThrownBy(() -> pipeline.call("z")).isInstanceOf(StageFailedException.class)
                    .rootCause().isInstanceOf(PolicyRejectedException.class);
        }
    }

    @Test
    void aNamedPolicySharesOneBreakerAcrossStages() {
        // "first" never fails, but the failures of "second" open the breaker that both share.
        assertThat(callAfterSecondStageFailure(StepPolicy.named("provider"))).isEqualTo("first");
    }

    @Test
    void unnamedPoliciesKeepOneBreakerPerStage() {
        assertThat(callAfterSecondStageFailure(StepPolicy.none())).isNull();
    }

    /** @return the stage that refused a healthy call after one failure of the second stage, or null */
    private String callAfterSecondStageFailure(StepPolicy base) {
        StepPolicy policy = base.circuitBreaker(50, 2, Duration.ofMinutes(1));
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class)
                .map("first", s -> s).policy(policy)
                .map("second", s -> {
                    if (s.startsWith("fail")) {
                        throw new RetriableException("503");
                    }
                    return s;
                }).policy(policy)
                .timeSource(clock)
                .build()) {
            assertThatThrownBy(() -> pipeline.call("fail-1")).isInstanceOf(StageFailedException.class)
                    .hasCauseInstanceOf(RetriableException.class);
            try {
                assertThat(pipeline.call("ok")).isEqualTo("ok");
                return null;
            } catch (StageFailedException refused) {
                assertThat(refused.getCause()).isInstanceOf(PolicyRejectedException.class);
                return refused.stage();
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private PolicyRejectedException.Reason rejection(Pipeline<String, String> pipeline) {
        StageFailedException failure = catchThrowableOfType(StageFailedException.class, () -> pipeline.call("x"));
        assertThat(failure).as("the call was refused").isNotNull();
        assertThat(failure.getCause()).isInstanceOf(PolicyRejectedException.class);
        assertThat(failure.isRetriable()).isTrue();
        return ((PolicyRejectedException) failure.getCause()).reason();
    }

    private Pipeline<String, String> pipeline(StepPolicy policy, StageFunction<String, String> fn) {
        return Pipeline.from(String.class).map("work", fn).policy(policy).timeSource(clock).build();
    }

    private Pipeline<String, String> alwaysFailing(StepPolicy policy, java.util.function.Supplier<Throwable> failure) {
        return pipeline(policy, s -> {
            calls.incrementAndGet();
            Throwable t = failure.get();
            if (t instanceof Exception) {
                throw (Exception) t;
            }
            throw (Error) t;
        });
    }

    @Test
    void theDefaultClassifierDoesNotRetryIoFailuresThatAnotherAttemptCannotFix() {
        ErrorClassifier classifier = ErrorClassifier.DEFAULT;
        assertThat(classifier.isRetriable(new java.io.IOException("connection reset"))).isTrue();
        assertThat(classifier.isRetriable(new java.net.SocketTimeoutException("slow"))).isTrue();
        assertThat(classifier.isRetriable(new java.nio.file.NoSuchFileException("/gone"))).isFalse();
        assertThat(classifier.isRetriable(new java.nio.file.AccessDeniedException("/locked"))).isFalse();
        assertThat(classifier.isRetriable(new java.io.FileNotFoundException("/gone"))).isFalse();
        assertThat(classifier.isRetriable(new java.nio.charset.MalformedInputException(1))).isFalse();
        assertThat(classifier.isRetriable(
                new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException("/gone")))).isFalse();
    }
}
