package dev.aio.core.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.NonRetriableException;
import dev.aio.core.storage.ObjectNotFoundException;
import dev.aio.core.testing.InMemoryObjectStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplateStoreTest {

    private final InMemoryObjectStore objects = new InMemoryObjectStore();
    private final PromptTemplateStore prompts;

    PromptTemplateStoreTest() {
        objects.ensureBucket("config");
        prompts = PromptTemplateStore.in(objects, "config");
    }

    @Test
    void everyVersionStaysReadableAfterTheTemplateChanges() {
        PromptTemplate first = prompts.put("answer", "Answer {{question}} from {{context}}.");
        PromptTemplate second = prompts.put("answer", "Using only {{context}}, answer: {{question}}");

        assertThat(first.version()).isNotEqualTo(second.version()).hasSize(12);
        assertThat(prompts.get("answer")).isEqualTo(second);
        assertThat(prompts.get("answer", first.version())).isEqualTo(first);
        assertThat(prompts.versions("answer")).containsExactlyInAnyOrder(first.version(), second.version());
        assertThat(prompts.names()).containsExactly("answer");
    }

    @Test
    void theVersionDependsOnlyOnTheText() {
        assertThat(PromptTemplate.of("a", "same text").version()).isEqualTo(PromptTemplate.of("b", "same text").version());
        assertThat(PromptTemplate.of("a", "same text").version()).isNotEqualTo(PromptTemplate.of("a", "other").version());
    }

    @Test
    void renderingFillsEveryVariableAndNamesTheMissingOnes() {
        PromptTemplate template = PromptTemplate.of("answer", "Q: {{ question }}\nC: {{context}}\nQ again: {{question}}");

        assertThat(template.variables()).containsExactly("question", "context");
        assertThat(template.render(Map.of("question", "why $1?", "context", "because")))
                .isEqualTo("Q: why $1?\nC: because\nQ again: why $1?");
        assertThatThrownBy(() -> template.render(Map.of("question", "q")))
                .isInstanceOf(NonRetriableException.class)
                .hasMessageContaining("'answer'@" + template.version())
                .hasMessageContaining("[context]");
    }

    @Test
    void unknownTemplatesAndVersionsFailAsNotFound() {
        assertThatThrownBy(() -> prompts.get("missing")).isInstanceOf(ObjectNotFoundException.class);
        prompts.put("answer", "x");
        assertThatThrownBy(() -> prompts.get("answer", "000000000000")).isInstanceOf(ObjectNotFoundException.class);
        assertThatThrownBy(() -> prompts.put("a@b", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
