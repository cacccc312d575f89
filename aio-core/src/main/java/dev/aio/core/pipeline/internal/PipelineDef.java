package dev.aio.core.pipeline.internal;

import dev.aio.core.pipeline.DeadLetterSink;
import dev.aio.core.pipeline.PipelineListener;
import dev.aio.core.pipeline.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The immutable description of a whole pipeline: its stages and the settings that govern how it
 * runs. Every "with" method returns a copy; the builder never mutates one in place, so a builder
 * can be branched safely.
 */
public final class PipelineDef {

    /** Default interval between progress reports. */
    public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofMillis(500);

    final String name;
    final Class<?> inputType;
    final List<StageDef> stages;
    final List<PipelineListener> listeners;
    final DeadLetterSink deadLetterSink;
    final boolean failFast;
    final Executor executor;
    final TimeSource timeSource;
    final Duration progressInterval;
    final SharedPolicies sharedPolicies;

    private PipelineDef(String name, Class<?> inputType, List<StageDef> stages, List<PipelineListener> listeners,
            DeadLetterSink deadLetterSink, boolean failFast, Executor executor, TimeSource timeSource,
            Duration progressInterval, SharedPolicies sharedPolicies) {
        this.name = name;
        this.inputType = inputType;
        this.stages = stages;
        this.listeners = listeners;
        this.deadLetterSink = deadLetterSink;
        this.failFast = failFast;
        this.executor = executor;
        this.timeSource = timeSource;
        this.progressInterval = progressInterval;
        this.sharedPolicies = sharedPolicies;
    }

    public static PipelineDef start(Class<?> inputType) {
        return new PipelineDef(null, inputType, List.of(), List.of(), null, false, null, null, null, null);
    }

    public String name() {
        return name == null ? inputType.getSimpleName().toLowerCase(java.util.Locale.ROOT) + "-pipeline" : name;
    }

    public boolean hasName() {
        return name != null;
    }

    public Class<?> inputType() {
        return inputType;
    }

    public List<StageDef> stages() {
        return stages;
    }

    public StageDef last() {
        return stages.isEmpty() ? null : stages.get(stages.size() - 1);
    }

    public boolean failFast() {
        return failFast;
    }

    public DeadLetterSink deadLetterSink() {
        return deadLetterSink;
    }

    public Executor executor() {
        return executor;
    }

    public TimeSource timeSource() {
        return timeSource;
    }

    public Duration progressInterval() {
        return progressInterval;
    }

    public List<PipelineListener> listeners() {
        return listeners;
    }

    public PipelineDef withStage(StageDef stage) {
        List<StageDef> copy = new ArrayList<>(stages);
        copy.add(stage);
        return withStages(Collections.unmodifiableList(copy));
    }

    public PipelineDef withLast(StageDef stage) {
        List<StageDef> copy = new ArrayList<>(stages);
        copy.set(copy.size() - 1, stage);
        return withStages(Collections.unmodifiableList(copy));
    }

    private PipelineDef withStages(List<StageDef> newStages) {
        return new PipelineDef(name, inputType, newStages, listeners, deadLetterSink, failFast, executor, timeSource,
                progressInterval, sharedPolicies);
    }

    public PipelineDef withName(String value) {
        return new PipelineDef(value, inputType, stages, listeners, deadLetterSink, failFast, executor, timeSource,
                progressInterval, sharedPolicies);
    }

    public PipelineDef withListener(PipelineListener listener) {
        List<PipelineListener> copy = new ArrayList<>(listeners);
        copy.add(listener);
        return new PipelineDef(name, inputType, stages, List.copyOf(copy), deadLetterSink, failFast, executor,
                timeSource, progressInterval, sharedPolicies);
    }

    public PipelineDef withDeadLetterSink(DeadLetterSink value) {
        return new PipelineDef(name, inputType, stages, listeners, value, failFast, executor, timeSource,
                progressInterval, sharedPolicies);
    }

    public PipelineDef withFailFast() {
        return new PipelineDef(name, inputType, stages, listeners, deadLetterSink, true, executor, timeSource,
                progressInterval, sharedPolicies);
    }

    public PipelineDef withExecutor(Executor value) {
        return new PipelineDef(name, inputType, stages, listeners, deadLetterSink, failFast, value, timeSource,
                progressInterval, sharedPolicies);
    }

    public PipelineDef withTimeSource(TimeSource value) {
        return new PipelineDef(name, inputType, stages, listeners, deadLetterSink, failFast, executor, value,
                progressInterval, sharedPolicies);
    }

    public SharedPolicies sharedPolicies() {
        return sharedPolicies;
    }

    public PipelineDef withSharedPolicies(SharedPolicies value) {
        return new PipelineDef(name, inputType, stages, listeners, deadLetterSink, failFast, executor, timeSource,
                progressInterval, value);
    }

    public PipelineDef withProgressInterval(Duration value) {
        return new PipelineDef(name, inputType, stages, listeners, deadLetterSink, failFast, executor, timeSource,
                value, sharedPolicies);
    }
}
