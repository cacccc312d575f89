package dev.aio.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CallTest {

    @Test
    void callRunsEveryStageOnTheCallingThreadAndReturnsTheOutput() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        try (Pipeline<String, Integer> pipeline = Pipeline.from(String.class)
                .map("trim", String::trim)
                .peek("where", s -> ranOn.set(Thread.currentThread()))
                .map("length", String::length)
                .build()) {
            assertThat(pipeline.call("  four  ")).isEqualTo(4);
            assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        }
    }

    @Test
    void callReturnsNullWhenAFilterDropsTheItemOrASinkTakesIt() {
        List<String> sunk = new ArrayList<>();
        try (Pipeline<String, String> filtered = Pipeline.from(String.class).filter("short", s -> s.length() < 3)
                .build();
                Pipeline<String, Void> sinking = Pipeline.from(String.class).sink("keep", sunk::add).build()) {
            assertThat(filtered.call("long")).isNull();
            assertThat(filtered.call("ok")).isEqualTo("ok");
            assertThat(sinking.call("x")).isNull();
            assertThat(sunk).containsExactly("x");
        }
    }

    @Test
    void callAllReturnsEveryOutputOfAFanOutAndBatchesThem() {
        try (Pipeline<String, List<String>> pipeline = Pipeline.from(String.class)
                .flatMap("words", s -> List.of(s.split(" ")))
                .batch("pairs", 2, Duration.ofSeconds(1))
                .build()) {
            assertThat(pipeline.callAll("a b c")).containsExactly(List.of("a", "b"), List.of("c"));
            assertThatThrownBy(() -> pipeline.call("a b c"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("2 outputs")
                    .hasMessageContaining("callAll");
        }
    }

    @Test
    void aFailingStageThrowsStageFailedExceptionNamingTheStage() {
        try (Pipeline<String, Integer> pipeline = Pipeline.from(String.class)
                .named("parser")
                .map("parse", Integer::parseInt)
                .build()) {
            assertThatThrownBy(() -> pipeline.call("x"))
                    .isInstanceOfSatisfying(StageFailedException.class, e -> {
                        assertThat(e.stage()).isEqualTo("parse");
                        assertThat(e.attempts()).isEqualTo(1);
                        assertThat(e.isRetriable()).isFalse();
                        assertThat(e).hasMessageContaining("parser").hasMessageContaining("'parse'")
                                .hasCauseInstanceOf(NumberFormatException.class);
                    });
        }
    }

    @Test
    void aMapThatReturnsNullBreaksTheContractWithAClearMessage() {
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class).map("nothing", s -> (String) null)
                .build()) {
            assertThatThrownBy(() -> pipeline.call("x"))
                    .isInstanceOf(StageFailedException.class)
                    .hasCauseInstanceOf(StageContractException.class)
                    .hasMessageContaining("returned null")
                    .hasMessageContaining("filter");
        }
    }

    @Test
    void aNullItemIsRefused() {
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class).map("id", s -> s).build()) {
            assertThatThrownBy(() -> pipeline.call(null)).isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("null item");
        }
    }

    @Test
    void checkedExceptionsNeedNoWrapping() {
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class)
                .map("io", s -> {
                    if (s.isEmpty()) {
                        throw new java.io.IOException("disk said no");
                    }
                    return s;
                })
                .build()) {
            assertThatThrownBy(() -> pipeline.call(""))
                    .isInstanceOfSatisfying(StageFailedException.class, e -> assertThat(e.isRetriable()).isTrue())
                    .hasRootCauseMessage("disk said no");
        }
    }

    @Test
    void aBuiltPipelineCanBeCalledFromManyThreadsAtOnce() throws Exception {
        try (Pipeline<Integer, Integer> pipeline = Pipeline.from(Integer.class)
                .map("square", x -> x * x)
                .map("plus-one", x -> x + 1)
                .build()) {
            List<Thread> threads = new ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger wrong = new java.util.concurrent.atomic.AtomicInteger();
            for (int t = 0; t < 4; t++) {
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        if (pipeline.call(i) != i * i + 1) {
                            wrong.incrementAndGet();
                        }
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(wrong.get()).isZero();
        }
    }

    @Test
    void eachPlainStageGetsItsOwnSpecialisedLinkSoTheJitCanInlineTheChain() {
        List<String> frames = new ArrayList<>();
        try (Pipeline<Integer, Integer> pipeline = Pipeline.from(Integer.class)
                .map("one", x -> x + 1)
                .filter("keep", x -> true)
                .peek("look", x -> StackWalker.getInstance(StackWalker.Option.SHOW_HIDDEN_FRAMES)
                        .forEach(frame -> frames.add(frame.getClassName())))
                .map("two", x -> x * 2)
                .build()) {
            assertThat(pipeline.call(1)).isEqualTo(4);
        }
        // Hidden classes are named after their template with a "/0x..." suffix, one per stage.
        assertThat(frames).anyMatch(name -> name.startsWith("dev.aio.core.pipeline.internal.ConsumerLink/"))
                .anyMatch(name -> name.startsWith("dev.aio.core.pipeline.internal.FilterLink/"))
                .anyMatch(name -> name.startsWith("dev.aio.core.pipeline.internal.MapLink/"));
    }

    @Test
    void aListenerSeesCallsThroughTheGeneralPath() {
        List<String> started = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Pipeline<Integer, Integer> pipeline = Pipeline.from(Integer.class)
                .map("one", x -> x + 1)
                .listener(new PipelineListener() {
                    @Override
                    public void onItemStart(String stage, Object item) {
                        started.add(stage + ":" + item);
                    }
                })
                .build()) {
            assertThat(pipeline.call(1)).isEqualTo(2);
        }
        assertThat(started).containsExactly("one:1");
    }
}
