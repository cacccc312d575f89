package dev.aio.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.NonRetriableException;
import dev.aio.core.testing.ManualTimeSource;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A cached map stage skips its function for keys it has seen, counts hits and misses, and follows the clock. */
class CachingTest {

    private final ManualTimeSource clock = new ManualTimeSource();
    private final AtomicInteger calls = new AtomicInteger();

    private MapStageBuilder<String, String, Integer> lengthStage() {
        return Pipeline.from(String.class).timeSource(clock).map("length", s -> {
            calls.incrementAndGet();
            return s.length();
        });
    }

    @Test
    void repeatKeysSkipTheFunction() {
        try (Pipeline<String, Integer> pipeline = lengthStage().cached(s -> s, CacheSpec.maximumSize(100)).build()) {
            assertThat(pipeline.call("a")).isEqualTo(1);
            assertThat(pipeline.call("a")).isEqualTo(1);
            assertThat(pipeline.call("bb")).isEqualTo(2);
            assertThat(pipeline.call("a")).isEqualTo(1);
            assertThat(calls).hasValue(2);
        }
    }

    @Test
    void theKeyFunctionDecidesWhichInputsShareAResult() {
        try (Pipeline<String, Integer> pipeline = lengthStage()
                .cached(s -> s.strip().toLowerCase(java.util.Locale.ROOT), CacheSpec.maximumSize(100)).build()) {
            assertThat(pipeline.call("Hello")).isEqualTo(5);
            assertThat(pipeline.call(" hello ")).as("served from the cache under key 'hello'").isEqualTo(5);
            assertThat(calls).hasValue(1);
        }
    }

    @Test
    void aStreamingRunCountsHitsAndMissesAndTheCacheLivesAcrossRuns() {
        try (Pipeline<String, Integer> pipeline = lengthStage().cached(s -> s, CacheSpec.maximumSize(100)).build()) {
            RunReport first = pipeline.run(List.of("a", "bb", "a", "a", "ccc", "bb"));
            StageReport stage = first.stage("length");
            assertThat(stage.cacheMisses()).isEqualTo(3);
            assertThat(stage.cacheHits()).isEqualTo(3);
            assertThat(stage.in()).isEqualTo(6);
            assertThat(stage.out()).isEqualTo(6);
            assertThat(calls).hasValue(3);

            RunReport second = pipeline.run(List.of("ccc", "a"));
            assertThat(second.stage("length").cacheHits()).isEqualTo(2);
            assertThat(second.stage("length").cacheMisses()).isZero();
            assertThat(calls).hasValue(3);
        }
    }

    @Test
    void resultsExpireWhenThePipelinesClockPassesTheTimeToLive() {
        CacheSpec spec = CacheSpec.maximumSize(100).expireAfterWrite(Duration.ofMinutes(10));
        try (Pipeline<String, Integer> pipeline = lengthStage().cached(s -> s, spec).build()) {
            pipeline.call("key");
            clock.advance(Duration.ofMinutes(9));
            pipeline.call("key");
            assertThat(calls).as("still fresh after 9 of 10 minutes").hasValue(1);
            clock.advance(Duration.ofMinutes(2));
            pipeline.call("key");
            assertThat(calls).as("recomputed after the ttl").hasValue(2);
            pipeline.call("key");
            assertThat(calls).as("and cached again").hasValue(2);
        }
    }

    @Test
    void aFailedItemIsNotCached() {
        AtomicInteger attempts = new AtomicInteger();
        try (Pipeline<String, Integer> pipeline = Pipeline.from(String.class)
                .map("length", (String s) -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new NonRetriableException("first try fails");
                    }
                    return s.length();
                })
                .cached(s -> s, CacheSpec.maximumSize(10))
                .build()) {
            assertThatThrownBy(() -> pipeline.call("abc")).isInstanceOf(StageFailedException.class);
            assertThat(pipeline.call("abc")).isEqualTo(3);
            assertThat(pipeline.call("abc")).isEqualTo(3);
            assertThat(attempts).hasValue(2);
        }
    }

    @Test
    void aCacheHitSkipsTheStagesPolicyToo() {
        StepPolicy onePerHour = StepPolicy.none().rateLimit(1, Duration.ofHours(1)).maxWait(Duration.ZERO);
        try (Pipeline<String, Integer> pipeline = lengthStage().policy(onePerHour)
                .cached(s -> s, CacheSpec.maximumSize(10)).build()) {
            assertThat(pipeline.call("abc")).isEqualTo(3);
            assertThat(pipeline.call("abc")).as("a hit needs no rate-limit permit").isEqualTo(3);
            assertThatThrownBy(() -> pipeline.call("other")).isInstanceOf(StageFailedException.class)
                    .rootCause().isInstanceOf(PolicyRejectedException.class);
        }
    }

    @Test
    void aNullCacheKeyFailsTheItemWithAContractError() {
        try (Pipeline<String, Integer> pipeline = lengthStage().cached(s -> null, CacheSpec.maximumSize(10)).build()) {
            assertThatThrownBy(() -> pipeline.call("abc")).isInstanceOf(StageFailedException.class)
                    .hasCauseInstanceOf(StageContractException.class)
                    .hasMessageContaining("cache key function returned null");
            assertThat(calls).hasValue(0);
        }
    }

    @Test
    void aVariantBuiltFromToBuilderHasItsOwnCache() {
        try (Pipeline<String, Integer> original = lengthStage().cached(s -> s, CacheSpec.maximumSize(10)).build();
                Pipeline<String, Integer> variant = original.toBuilder().build()) {
            original.call("abc");
            variant.call("abc");
            assertThat(calls).hasValue(2);
            original.call("abc");
            variant.call("abc");
            assertThat(calls).hasValue(2);
        }
    }

    @Test
    void closingThePipelineDropsItsCachedResults() {
        AtomicReference<WeakReference<Object>> lastResult = new AtomicReference<>();
        Pipeline<String, Object> pipeline = Pipeline.from(String.class)
                .map("wrap", (String s) -> {
                    Object result = new Object[] {s, new byte[1 << 20]};
                    lastResult.set(new WeakReference<>(result));
                    return result;
                })
                .cached(s -> s, CacheSpec.maximumSize(10))
                .build();
        pipeline.call("abc");
        WeakReference<Object> cached = lastResult.get();
        System.gc();
        assertThat(cached.get()).as("held by the open pipeline's cache").isNotNull();

        pipeline.close();
        for (int i = 0; i < 20 && cached.get() != null; i++) {
            System.gc();
        }
        assertThat(cached.get()).as("released by close() while the pipeline itself is still reachable").isNull();
        Reference.reachabilityFence(pipeline);
        assertThatThrownBy(() -> pipeline.call("abc")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is closed");
    }
}
