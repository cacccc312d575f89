package dev.aio.core.pipeline.internal;

import dev.aio.core.pipeline.DeadLetterSink;
import dev.aio.core.pipeline.PipelineListener;
import dev.aio.core.pipeline.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The immutable description of a whole pipeline: its stages and the settings that govern how it
 * runs. Every "with" method returns a copy; the builder never changes one in place, so a builder
 * can be branched safely.
 */
public final class PipelineDef {

    /** Default interval between progress reports. */
    public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofMillis(500);

    /** The fields; written only while a copy is being made in {@link #with}, then never again. */
    private static final class Fields implements Cloneable {
        String name;
        Class<?> inputType;
        List<StageDef> stages = List.of();
        List<PipelineListener> listeners = List.of();
        DeadLetterSink deadLetterSink;
        boolean failFast;
        Executor executor;
        TimeSource timeSource;
        Duration progressInterval;
        SharedPolicies sharedPolicies;

        Fields copy() {
            try {
                return (Fields) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private final Fields f;

    private PipelineDef(Fields fields) {
        this.f = fields;
    }

    public static PipelineDef start(Class<?> inputType) {
        Fields fields = new Fields();
        fields.inputType = inputType;
        return new PipelineDef(fields);
    }

    private PipelineDef with(Consumer<Fields> change) {
        Fields copy = f.copy();
        change.accept(copy);
        return new PipelineDef(copy);
    }

    public String name() {
        return f.name == null ? f.inputType.getSimpleName().toLowerCase(java.util.Locale.ROOT) + "-pipeline" : f.name;
    }

    public boolean hasName() {
        return f.name != null;
    }

    public Class<?> inputType() {
        return f.inputType;
    }

    public List<StageDef> stages() {
        return f.stages;
    }

    public StageDef last() {
        return f.stages.isEmpty() ? null : f.stages.get(f.stages.size() - 1);
    }

    public boolean failFast() {
        return f.failFast;
    }

    public DeadLetterSink deadLetterSink() {
        return f.deadLetterSink;
    }

    public Executor executor() {
        return f.executor;
    }

    public TimeSource timeSource() {
        return f.timeSource;
    }

    public Duration progressInterval() {
        return f.progressInterval;
    }

    public List<PipelineListener> listeners() {
        return f.listeners;
    }

    public SharedPolicies sharedPolicies() {
        return f.sharedPolicies;
    }

    public PipelineDef withStage(StageDef stage) {
        List<StageDef> copy = new ArrayList<>(f.stages);
        copy.add(stage);
        return with(c -> c.stages = Collections.unmodifiableList(copy));
    }

    public PipelineDef withLast(StageDef stage) {
        List<StageDef> copy = new ArrayList<>(f.stages);
        copy.set(copy.size() - 1, stage);
        return with(c -> c.stages = Collections.unmodifiableList(copy));
    }

    public PipelineDef withName(String value) {
        return with(c -> c.name = value);
    }

    public PipelineDef withListener(PipelineListener listener) {
        List<PipelineListener> copy = new ArrayList<>(f.listeners);
        copy.add(listener);
        return with(c -> c.listeners = List.copyOf(copy));
    }

    public PipelineDef withDeadLetterSink(DeadLetterSink value) {
        return with(c -> c.deadLetterSink = value);
    }

    public PipelineDef withFailFast() {
        return with(c -> c.failFast = true);
    }

    public PipelineDef withExecutor(Executor value) {
        return with(c -> c.executor = value);
    }

    public PipelineDef withTimeSource(TimeSource value) {
        return with(c -> c.timeSource = value);
    }

    public PipelineDef withProgressInterval(Duration value) {
        return with(c -> c.progressInterval = value);
    }

    public PipelineDef withSharedPolicies(SharedPolicies value) {
        return with(c -> c.sharedPolicies = value);
    }
}
