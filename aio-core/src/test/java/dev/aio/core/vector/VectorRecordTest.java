package dev.aio.core.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorRecordTest {

    @Test
    void metadataNumbersAreWidenedToLongAndDouble() {
        VectorRecord r = VectorRecord.of("a", new float[] {1}, "t", Map.of("i", 3, "f", 0.5f, "s", (short) 2));
        assertThat(r.metadata()).containsEntry("i", 3L).containsEntry("f", 0.5).containsEntry("s", 2L);
    }

    @Test
    void metadataListsAreCopiedAndImmutable() {
        List<String> tags = new ArrayList<>(List.of("x"));
        VectorRecord r = VectorRecord.of("a", new float[] {1}, null, Map.of("tags", tags));
        tags.add("y");
        assertThat(r.metadata().get("tags")).isEqualTo(List.of("x"));
        assertThatThrownBy(() -> r.metadata().put("k", "v")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void unsupportedMetadataIsRefusedNamingTheKey() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("gone", null);
        assertThatThrownBy(() -> VectorRecord.of("a", new float[] {1}, null, withNull)).hasMessageContaining("'gone'");
        assertThatThrownBy(() -> VectorRecord.of("a", new float[] {1}, null, Map.of("when", new Object())))
                .hasMessageContaining("'when'").hasMessageContaining("unsupported type");
        assertThatThrownBy(() -> VectorRecord.of("a", new float[] {1}, null, Map.of("l", List.of(1))))
                .hasMessageContaining("lists hold strings only");
    }

    @Test
    void invalidIdsVectorsAndTenantsAreRefused() {
        assertThatThrownBy(() -> VectorRecord.of(" ", new float[] {1})).hasMessageContaining("blank");
        assertThatThrownBy(() -> VectorRecord.of("a", new float[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> VectorRecord.of("a", new float[] {Float.POSITIVE_INFINITY}))
                .hasMessageContaining("index 0");
        assertThatThrownBy(() -> VectorRecord.of("a", new float[] {1}).withTenant("")).hasMessageContaining("blank");
    }

    @Test
    void recordsAreValuesAndTheirVectorsAreCopied() {
        float[] v = {1, 2};
        VectorRecord r = VectorRecord.of("a", v, "t", Map.of("k", "v")).withTenant("acme");
        v[0] = 9;
        r.vector()[1] = 9;
        assertThat(r.vector()).containsExactly(1, 2);
        assertThat(r).isEqualTo(VectorRecord.of("a", new float[] {1, 2}, "t", Map.of("k", "v")).withTenant("acme"));
        assertThat(r.toString()).contains("id=a", "tenant=acme", "dimensions=2");
    }
}
