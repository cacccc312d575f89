package dev.aio.llm.onnx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

    @Test
    void everyTextLandsInExactlyOneBatchAndBatchesHoldSimilarLengths() {
        int[] lengths = {5, 200, 7, 130, 6, 201, 128, 8, 9, 199};
        List<int[]> batches = BatchPlan.plan(lengths, 3);
        List<Integer> seen = new ArrayList<>();
        batches.forEach(b -> IntStream.of(b).forEach(seen::add));
        assertThat(seen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(batches).allSatisfy(b -> assertThat(b.length).isLessThanOrEqualTo(3));
        // Longest first, so the first batch holds the three longest texts.
        assertThat(batches.get(0)).containsExactlyInAnyOrder(5, 1, 9);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(3, 6);
        // No short text is padded to a long one's length.
        assertThat(batches.subList(2, batches.size())).allSatisfy(b -> assertThat(IntStream.of(b).map(i -> lengths[i]))
                .allMatch(l -> l < 10));
    }

    @Test
    void textsOfTwoLengthsAreNotPaddedTogetherEvenWhenOneBatchWouldHoldThem() {
        int[] lengths = new int[32];
        Arrays.fill(lengths, 0, 16, 100);
        Arrays.fill(lengths, 16, 32, 20);
        List<int[]> batches = BatchPlan.plan(lengths, 32);
        assertThat(batches).hasSize(2);
        assertThat(IntStream.of(batches.get(0)).map(i -> lengths[i])).containsOnly(100).hasSize(16);
        assertThat(IntStream.of(batches.get(1)).map(i -> lengths[i])).containsOnly(20).hasSize(16);
    }

    @Test
    void nearlyEqualLengthsShareARunRatherThanPayForAnother() {
        // Padding 19 to 20 tokens costs ~21 MFLOP; another run costs far more.
        assertThat(BatchPlan.plan(new int[] {20, 19, 20, 18}, 32)).hasSize(1);
    }

    @Test
    void equalLengthsFillBatchesToTheLimit() {
        int[] lengths = new int[32];
        Arrays.fill(lengths, 64);
        List<int[]> batches = BatchPlan.plan(lengths, 8);
        assertThat(batches).hasSize(4).allSatisfy(b -> assertThat(b).hasSize(8));
    }

    @Test
    void noTextsMakeNoBatches() {
        assertThat(BatchPlan.plan(new int[0], 32)).isEmpty();
    }
}
