package dev.aio.llm.langchain4j;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Both bridge builders take their shared settings from {@link BridgeSettings}. */
class BridgeSettingsTest {

    @Test
    void bothBridgesRefuseABlankModelIdOrProviderWithTheSameMessage() {
        assertThatThrownBy(() -> Langchain4jLanguageModel.builder().modelId(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("modelId must not be blank, got ' '");
        assertThatThrownBy(() -> Langchain4jEmbedder.builder().modelId(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("modelId must not be blank, got ' '");
        assertThatThrownBy(() -> Langchain4jLanguageModel.builder().provider(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("provider must not be blank, got 'null'");
        assertThatThrownBy(() -> Langchain4jEmbedder.builder().provider(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("provider must not be blank, got ''");
    }

    @Test
    void bothBridgesRefuseAMissingSecretOrClockByName() {
        assertThatThrownBy(() -> Langchain4jLanguageModel.builder().redacting(null)).hasMessage("secret");
        assertThatThrownBy(() -> Langchain4jEmbedder.builder().clock(null)).hasMessage("clock");
    }
}
