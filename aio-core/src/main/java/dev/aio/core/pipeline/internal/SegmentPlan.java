package dev.aio.core.pipeline.internal;

import dev.aio.core.pipeline.StageKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A group of consecutive stages fused onto the same workers: items pass between them by plain
 * method calls, with no queue and no thread hop. A bounded queue sits in front of each group.
 */
final class SegmentPlan {

    final int index;
    final StageRuntime[] stages;
    final int workers;
    final boolean ordered;
    final boolean io;
    final boolean batch;
    final int queueCapacity;

    private SegmentPlan(int index, List<StageRuntime> stages) {
        this.index = index;
        this.stages = stages.toArray(new StageRuntime[0]);
        StageDef first = stages.get(0).def;
        this.workers = first.effectiveConcurrency();
        this.ordered = first.effectiveOrdered();
        this.io = first.io;
        this.batch = first.kind == StageKind.BATCH;
        this.queueCapacity = first.queueCapacity == 0 ? StageDef.DEFAULT_QUEUE_CAPACITY : first.queueCapacity;
    }

    String name() {
        return stages[0].name;
    }

    /** Whether the workers must hand results on in input order through a turnstile. */
    boolean sequenced() {
        return ordered && workers > 1;
    }

    /** Splits the stages into fused groups (see the class comment of {@code PipelineBuilder}). */
    static List<SegmentPlan> plan(StageRuntime[] stages) {
        List<SegmentPlan> segments = new ArrayList<>();
        List<StageRuntime> current = new ArrayList<>();
        for (StageRuntime stage : stages) {
            if (!current.isEmpty() && startsNewSegment(current.get(current.size() - 1).def, stage.def)) {
                segments.add(new SegmentPlan(segments.size(), current));
                current = new ArrayList<>();
            }
            current.add(stage);
        }
        segments.add(new SegmentPlan(segments.size(), current));
        return segments;
    }

    private static boolean startsNewSegment(StageDef previous, StageDef stage) {
        return stage.kind == StageKind.BATCH || previous.kind == StageKind.BATCH
                || stage.queueCapacity != 0
                || stage.effectiveConcurrency() != previous.effectiveConcurrency()
                || stage.io != previous.io
                || (stage.effectiveConcurrency() > 1 && stage.effectiveOrdered() != previous.effectiveOrdered());
    }
}
