package dev.aio.spring.boot;

import dev.aio.core.pipeline.PipelineListener;
import dev.aio.core.pipeline.RunReport;
import dev.aio.core.pipeline.StageReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records a pipeline's runs and stages in a Micrometer {@link MeterRegistry}. Every meter has the
 * tag {@code pipeline} (the name given here: item events do not say which pipeline they come
 * from, so one listener serves one pipeline, or several under one name) and, per stage, the tag
 * {@code stage}:
 *
 * <ul>
 *   <li>{@value #ITEMS_IN} and {@value #ITEMS_OUT}: items that entered a stage and that it finished
 *       (a filter that drops an item finishes it too);</li>
 *   <li>{@value #STAGE_LATENCY}: time a stage spent on an item, retries and waits included;</li>
 *   <li>{@value #FAILURES}: failed attempts, tag {@code outcome} {@code retried} or {@code given-up};</li>
 *   <li>{@value #DEAD_LETTERS}: items dead-lettered, counted from each run's report when it ends;</li>
 *   <li>{@value #BATCHES}: batches flushed, tag {@code trigger} {@code size} (full, or the input ended) or
 *       {@code time} (the batch wait expired);</li>
 *   <li>{@value #RUNS} and {@value #RUN_DURATION}: streaming runs, tag {@code status}
 *       ({@code completed}, {@code failed}, ...).</li>
 * </ul>
 *
 * <p>Thread-safe; meters are looked up once per stage and cached, so an item event costs a map
 * read and an increment.
 */
public final class MicrometerPipelineListener implements PipelineListener {

    /** Counter: items that entered a stage. */
    public static final String ITEMS_IN = "aio.pipeline.items.in";
    /** Counter: items a stage finished. */
    public static final String ITEMS_OUT = "aio.pipeline.items.out";
    /** Timer: time per item per stage. */
    public static final String STAGE_LATENCY = "aio.pipeline.stage.latency";
    /** Counter: failed attempts. */
    public static final String FAILURES = "aio.pipeline.failures";
    /** Counter: items dead-lettered. */
    public static final String DEAD_LETTERS = "aio.pipeline.dead.letters";
    /** Counter: batches flushed. */
    public static final String BATCHES = "aio.pipeline.batches";
    /** Counter: streaming runs ended. */
    public static final String RUNS = "aio.pipeline.runs";
    /** Timer: streaming run durations. */
    public static final String RUN_DURATION = "aio.pipeline.run.duration";

    private final MeterRegistry registry;
    private final String pipeline;
    private final Map<String, StageMeters> stages = new ConcurrentHashMap<>();

    /**
     * @param registry where the meters go
     * @param pipeline the value of every meter's {@code pipeline} tag, such as {@code ingest}
     * @throws IllegalArgumentException when the name is blank
     */
    public MicrometerPipelineListener(MeterRegistry registry, String pipeline) {
        this.registry = Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(pipeline, "pipeline");
        if (pipeline.isBlank()) {
            throw new IllegalArgumentException("the pipeline tag must not be blank");
        }
        this.pipeline = pipeline;
    }

    /** @return the value of the {@code pipeline} tag */
    public String pipeline() {
        return pipeline;
    }

    @Override
    public void onItemStart(String stage, Object item) {
        meters(stage).in.increment();
    }

    @Override
    public void onItemEnd(String stage, Object item, long nanos) {
        StageMeters m = meters(stage);
        m.out.increment();
        m.latency.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void onItemError(String stage, Object item, Throwable error, int attempt, boolean willRetry) {
        StageMeters m = meters(stage);
        (willRetry ? m.retried : m.givenUp).increment();
    }

    @Override
    public void onBatchFlushed(String stage, int size, boolean byTime) {
        StageMeters m = meters(stage);
        (byTime ? m.batchesByTime : m.batchesBySize).increment();
    }

    @Override
    public void onRunEnd(RunReport report) {
        String status = report.status().name().toLowerCase(Locale.ROOT);
        Counter.builder(RUNS).tag("pipeline", pipeline).tag("status", status)
                .description("Streaming runs of an aio pipeline").register(registry).increment();
        Duration d = report.duration();
        Timer.builder(RUN_DURATION).tag("pipeline", pipeline).tag("status", status)
                .description("Duration of streaming runs of an aio pipeline").register(registry).record(d);
        for (StageReport stage : report.stages()) {
            if (stage.deadLettered() > 0) {
                meters(stage.name()).deadLetters.increment(stage.deadLettered());
            }
        }
    }

    private StageMeters meters(String stage) {
        return stages.computeIfAbsent(stage, s -> new StageMeters(registry, pipeline, s));
    }

    /** One stage's meters, registered together on first use. */
    private static final class StageMeters {
        final Counter in;
        final Counter out;
        final Timer latency;
        final Counter retried;
        final Counter givenUp;
        final Counter deadLetters;
        final Counter batchesBySize;
        final Counter batchesByTime;

        StageMeters(MeterRegistry registry, String pipeline, String stage) {
            in = Counter.builder(ITEMS_IN).tag("pipeline", pipeline).tag("stage", stage)
                    .description("Items that entered an aio pipeline stage").register(registry);
            out = Counter.builder(ITEMS_OUT).tag("pipeline", pipeline).tag("stage", stage)
                    .description("Items an aio pipeline stage finished").register(registry);
            latency = Timer.builder(STAGE_LATENCY).tag("pipeline", pipeline).tag("stage", stage)
                    .description("Time an aio pipeline stage spent on an item, retries included").register(registry);
            retried = failures(registry, pipeline, stage, "retried");
            givenUp = failures(registry, pipeline, stage, "given-up");
            deadLetters = Counter.builder(DEAD_LETTERS).tag("pipeline", pipeline).tag("stage", stage)
                    .description("Items an aio pipeline stage dead-lettered").register(registry);
            batchesBySize = batches(registry, pipeline, stage, "size");
            batchesByTime = batches(registry, pipeline, stage, "time");
        }

        private static Counter failures(MeterRegistry registry, String pipeline, String stage, String outcome) {
            return Counter.builder(FAILURES).tag("pipeline", pipeline).tag("stage", stage).tag("outcome", outcome)
                    .description("Failed attempts in an aio pipeline stage").register(registry);
        }

        private static Counter batches(MeterRegistry registry, String pipeline, String stage, String trigger) {
            return Counter.builder(BATCHES).tag("pipeline", pipeline).tag("stage", stage).tag("trigger", trigger)
                    .description("Batches an aio pipeline stage flushed").register(registry);
        }
    }
}
