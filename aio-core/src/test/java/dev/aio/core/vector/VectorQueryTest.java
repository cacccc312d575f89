package dev.aio.core.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VectorQueryTest {

    private static final float[] V = {1, 2, 3};

    @Test
    void defaultsAreTenHitsNoFilterNoMinimumNoTenant() {
        VectorQuery q = VectorQuery.builder(V).build();
        assertThat(q.topK()).isEqualTo(VectorQuery.DEFAULT_TOP_K);
        assertThat(q.filter()).isEmpty();
        assertThat(q.hybrid()).isEmpty();
        assertThat(q.minScore()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(q.tenant()).isNull();
    }

    @Test
    void theQueryVectorIsCopiedInAndOut() {
        float[] v = V.clone();
        VectorQuery q = VectorQuery.of(v, 3);
        v[0] = 99;
        q.vector()[1] = 99;
        assertThat(q.vector()).containsExactly(1, 2, 3);
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> VectorQuery.builder(V).topK(0)).hasMessageContaining("was 0");
        assertThatThrownBy(() -> VectorQuery.builder(V).topK(VectorQuery.MAX_TOP_K + 1)).hasMessageContaining("10001");
        assertThatThrownBy(() -> VectorQuery.builder(V).minScore(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> VectorQuery.builder(new float[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> VectorQuery.builder(new float[] {1, Float.NaN})).hasMessageContaining("index 1");
        assertThatThrownBy(() -> VectorQuery.builder(V).tenant(" ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> HybridSearch.weighted("q", 1.5)).hasMessageContaining("was 1.5");
        assertThatThrownBy(() -> new HybridSearch("q", HybridSearch.Fusion.RRF, 0.5, 0)).hasMessageContaining("was 0");
    }

    @Test
    void aSettingGivenTwiceIsRefused() {
        assertThatThrownBy(() -> VectorQuery.builder(V).topK(5).topK(6))
                .isInstanceOf(IllegalStateException.class).hasMessage("topK was already set to 5");
    }

    @Test
    void toBuilderDerivesAVariantWithoutChangingTheOriginal() {
        VectorQuery q = VectorQuery.builder(V).topK(3).filter(Filter.exists("a")).build();
        VectorQuery tenantQ = q.toBuilder().tenant("acme").build();
        assertThat(tenantQ.tenant()).isEqualTo("acme");
        assertThat(tenantQ.topK()).isEqualTo(3);
        assertThat(tenantQ.filter()).contains(Filter.exists("a"));
        assertThat(q.tenant()).isNull();
        assertThat(tenantQ.toString()).contains("topK=3", "filter=exists(a)", "tenant=acme");
    }
}
