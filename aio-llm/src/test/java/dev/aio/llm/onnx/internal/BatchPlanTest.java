package dev.aio.llm.onnx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
        assertThat(batches.get(batches.size() - 1)).containsExactly(0);
    }

    @Test
    void noTextsMakeNoBatches() {
        assertThat(BatchPlan.plan(new int[0], 32)).isEmpty();
    }
}
