package dev.aio.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PromptAttributesTest {

    @Test
    void aPromptCarriesItsTaskTenantAndTemplateAndAVariantKeepsThem() {
        Prompt p = Prompt.builder().user("hi").task("summarize").tenant("acme").template("summary", "abc123")
                .maxOutputTokens(50).build();
        assertThat(p.task()).contains("summarize");
        assertThat(p.tenant()).contains("acme");
        assertThat(p.templateName()).contains("summary");
        assertThat(p.templateVersion()).contains("abc123");

        Prompt same = p.toBuilder().build();
        assertThat(same).isEqualTo(p).hasSameHashCodeAs(p);
        Prompt longer = p.toBuilder().user("more").build();
        assertThat(longer.messages()).hasSize(2);
        assertThat(longer.tenant()).contains("acme");
        assertThat(p.messages()).hasSize(1);
        assertThat(p.toBuilder().tenant("globex").build()).isNotEqualTo(p);
    }

    @Test
    void aPlainPromptHasNoAttributesAndItsTextNeverShowsInToString() {
        Prompt p = Prompt.of("my secret question");
        assertThat(p.task()).isEmpty();
        assertThat(p.tenant()).isEmpty();
        assertThat(p.templateName()).isEmpty();
        assertThat(p.toString()).doesNotContain("secret");
        assertThat(Prompt.builder().user("x").tenant("acme").task("t").template("n", "v").build().toString())
                .contains("task=t", "tenant=acme", "template=n@v");
    }

    @Test
    void blankAttributesAreRefusedByName() {
        assertThatThrownBy(() -> Prompt.builder().task(" ")).hasMessageContaining("Prompt.task must be non-blank");
        assertThatThrownBy(() -> Prompt.builder().template("n", "")).hasMessageContaining("template version");
    }
}
