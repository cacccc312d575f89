package dev.aio.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.testing.ManualTimeSource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every mistake a builder refuses is refused at once, with a message naming the stage and the fix. */
class PipelineBuilderValidationTest {

    private static PipelineBuilder<String, String> oneStage() {
        return Pipeline.from(String.class).map("trim", String::trim);
    }

    @Test
    void aDuplicateStageNameIsRefusedNamingTheFirstUser() {
        assertThatThrownBy(() -> oneStage().map("upper", String::toUpperCase).filter("trim", s -> true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'trim'")
                .hasMessageContaining("stage 1 (map)")
                .hasMessageContaining("unique name");
    }

    @Test
    void aBlankStageNameIsRefusedNamingTheStageBefore() {
        assertThatThrownBy(() -> oneStage().map("  ", String::toUpperCase))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-blank name")
                .hasMessageContaining("map stage after stage 'trim'");
        assertThatThrownBy(() -> Pipeline.from(String.class).sink(null, s -> { }))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-blank name")
                .hasMessageContaining("after the start");
    }

    @Test
    void aMissingFunctionIsRefusedNamingTheStage() {
        assertThatThrownBy(() -> oneStage().map("upper", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("stage 'upper' needs a function");
    }

    @Test
    void concurrencySetTwiceIsRefusedWithTheCurrentValue() {
        assertThatThrownBy(() -> oneStage().concurrency(4).concurrency(2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("concurrency of stage 'trim' is already set (4)")
                .hasMessageContaining("set it once");
    }

    @Test
    void policySetTwiceIsRefusedWithTheCurrentPolicy() {
        assertThatThrownBy(() -> oneStage().policy(StepPolicy.retry(3)).policy(StepPolicy.retry(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("policy of stage 'trim' is already set (retry 3)")
                .hasMessageContaining("set it once");
    }

    @Test
    void queueCapacitySetTwiceIsRefusedWithTheCurrentValue() {
        assertThatThrownBy(() -> oneStage().queueCapacity(16).queueCapacity(32))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("queueCapacity of stage 'trim' is already set (16)")
                .hasMessageContaining("set it once");
    }

    @Test
    void unorderedSetTwiceIsRefused() {
        assertThatThrownBy(() -> oneStage().concurrency(2).unordered().unordered())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unordered() of stage 'trim' is already set")
                .hasMessageContaining("set it once");
    }

    @Test
    void ioSetTwiceIsRefused() {
        assertThatThrownBy(() -> oneStage().io().io())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("io() of stage 'trim' is already set")
                .hasMessageContaining("set it once");
    }

    @Test
    void cachedSetTwiceIsRefusedWithTheCurrentSpec() {
        MapStageBuilder<String, String, Integer> cached = Pipeline.from(String.class)
                .map("length", String::length)
                .cached(s -> s, CacheSpec.maximumSize(10));
        assertThatThrownBy(() -> cached.cached(s -> s, CacheSpec.maximumSize(20)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stage 'length' is already cached")
                .hasMessageContaining("maximumSize=10")
                .hasMessageContaining("set the cache once");
    }

    @Test
    void aStageSettingBeforeAnyStageIsRefusedNamingWhereItBelongs() {
        PipelineBuilder<String, String> empty = Pipeline.from(String.class);
        assertThatThrownBy(() -> empty.concurrency(2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("concurrency(2) applies to the stage added last")
                .hasMessageContaining("call it after map/flatMap/filter/peek/batch/unbatch/sink");
        assertThatThrownBy(() -> empty.policy(StepPolicy.retry(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("applies to the stage added last");
        assertThatThrownBy(empty::io).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("io() applies to the stage added last");
        assertThatThrownBy(empty::unordered).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unordered() applies to the stage added last");
        assertThatThrownBy(() -> empty.queueCapacity(8)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("queueCapacity(8) applies to the stage added last");
    }

    @Test
    void aStageAfterASinkIsRefusedPointingToPeek() {
        PipelineBuilder<String, Void> sunk = oneStage().sink("out", s -> { });
        assertThatThrownBy(() -> sunk.map("more", v -> "x"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stage 'more' cannot follow sink 'out'")
                .hasMessageContaining("use peek(\"out\", ...)");
    }

    @Test
    void aPolicyOnABatchOrUnbatchStageIsRefusedBecauseItRunsNoUserCode() {
        PipelineBuilder<String, List<String>> batched = oneStage().batch("group", 8, Duration.ofMillis(10));
        assertThatThrownBy(() -> batched.policy(StepPolicy.retry(3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stage 'group' (batch) runs no user code")
                .hasMessageContaining("attach it to the stage that does");
        PipelineBuilder<String, String> unbatched = batched.unbatch("split");
        assertThatThrownBy(() -> unbatched.policy(StepPolicy.retry(3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stage 'split' (unbatch) runs no user code");
    }

    @Test
    void concurrencyOrUnorderedOnABatchStageIsRefusedWithTheFix() {
        PipelineBuilder<String, List<String>> batched = oneStage().batch("group", 8, Duration.ofMillis(10));
        assertThatThrownBy(() -> batched.concurrency(4))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stage 'group' is a batch")
                .hasMessageContaining("concurrency does not apply to it")
                .hasMessageContaining("set concurrency on the stage that processes the batches");
        assertThatThrownBy(batched::unordered)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stage 'group' is a batch")
                .hasMessageContaining("unordered() does not apply to it");
    }

    @Test
    void aBatchSizeBelowOneOrANonPositiveMaxWaitIsRefusedWithTheValue() {
        assertThatThrownBy(() -> oneStage().batch("group", 0, Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch stage 'group'")
                .hasMessageContaining("at least 1, got 0");
        assertThatThrownBy(() -> oneStage().batch("group", 8, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch stage 'group' needs a positive maxWait, got PT0S");
        assertThatThrownBy(() -> oneStage().batch("group", 8, Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got PT-0.005S");
    }

    @Test
    void outOfRangeStageSettingsAreRefusedWithTheValue() {
        assertThatThrownBy(() -> oneStage().concurrency(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stage 'trim' concurrency must be at least 1, got 0");
        assertThatThrownBy(() -> oneStage().queueCapacity(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stage 'trim' queue capacity must be at least 1, got 0");
    }

    @Test
    void buildingAPipelineWithNoStageIsRefused() {
        assertThatThrownBy(() -> Pipeline.from(String.class).named("empty").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pipeline 'empty' has no stage")
                .hasMessageContaining("add at least one");
    }

    @Test
    void twoStagesSharingAPolicyNameWithDifferentSettingsAreRefusedAtBuild() {
        PipelineBuilder<String, String> builder = Pipeline.from(String.class)
                .map("embed", String::trim).policy(StepPolicy.named("openai").withRetry(3))
                .map("answer", String::trim).policy(StepPolicy.named("openai").withRetry(5));
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stages 'embed' and 'answer' use policy 'openai' with different settings")
                .hasMessageContaining("retry 3")
                .hasMessageContaining("retry 5")
                .hasMessageContaining("give both the same settings or give them different names");
    }

    @Test
    void twoStagesSharingAPolicyNameWithEqualSettingsBuild() {
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class)
                .map("embed", String::trim).policy(StepPolicy.named("openai").withRetry(3))
                .map("answer", String::trim).policy(StepPolicy.named("openai").withRetry(3))
                .build()) {
            assertThat(pipeline.call(" x ")).isEqualTo("x");
        }
    }

    @Test
    void namingThePipelineTwiceIsRefusedWithTheFirstName() {
        assertThatThrownBy(() -> oneStage().named("ingest").named("other"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already named 'ingest'")
                .hasMessageContaining("name it once");
        assertThatThrownBy(() -> oneStage().named(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be blank");
    }

    @Test
    void pipelineSettingsGivenTwiceAreRefused() {
        assertThatThrownBy(() -> oneStage().failFast().failFast())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failFast() is already set");
        assertThatThrownBy(() -> oneStage().timeSource(new ManualTimeSource()).timeSource(TimeSource.SYSTEM))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a time source is already set");
        assertThatThrownBy(() -> oneStage().deadLetters(DeadLetterSink.NONE).deadLetters(DeadLetterSink.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("a dead-letter sink is already set");
        assertThatThrownBy(() -> oneStage().executor(Runnable::run).executor(Runnable::run))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("an executor is already set");
        assertThatThrownBy(() -> oneStage().progressInterval(Duration.ofSeconds(1)).progressInterval(Duration.ofSeconds(2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("progress interval is already PT1S");
        assertThatThrownBy(() -> oneStage().progressInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive, got PT0S");
    }

    @Test
    void branchingABuilderInTwoDirectionsGivesTwoIndependentPipelines() {
        PipelineBuilder<String, String> base = oneStage();
        try (Pipeline<String, String> upper = base.map("upper", String::toUpperCase).concurrency(2).build();
                Pipeline<String, String> nonEmpty = base.filter("nonEmpty", s -> !s.isEmpty()).concurrency(3).build();
                Pipeline<String, String> plain = base.build()) {
            assertThat(upper.call(" ab ")).isEqualTo("AB");
            assertThat(nonEmpty.call("   ")).isNull();
            assertThat(nonEmpty.call(" ab ")).isEqualTo("ab");
            assertThat(plain.call(" ab ")).isEqualTo("ab");
            assertThat(stageNames(upper)).containsExactly("trim", "upper");
            assertThat(stageNames(nonEmpty)).containsExactly("trim", "nonEmpty");
            assertThat(stageNames(plain)).containsExactly("trim");
        }
    }

    @Test
    void aSettingOnOneBranchDoesNotLeakIntoTheOther() {
        PipelineBuilder<String, String> base = oneStage();
        PipelineBuilder<String, String> four = base.concurrency(4);
        PipelineBuilder<String, String> two = base.concurrency(2);
        try (Pipeline<String, String> a = four.build(); Pipeline<String, String> b = two.build();
                Pipeline<String, String> c = base.build()) {
            assertThat(a.spec()).contains("\"concurrency\" : 4");
            assertThat(b.spec()).contains("\"concurrency\" : 2");
            assertThat(c.spec()).contains("\"concurrency\" : 1");
        }
    }

    private static List<String> stageNames(Pipeline<?, ?> pipeline) {
        try {
            var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(pipeline.spec());
            List<String> names = new java.util.ArrayList<>();
            tree.get("stages").forEach(s -> names.add(s.get("name").asText()));
            return names;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
