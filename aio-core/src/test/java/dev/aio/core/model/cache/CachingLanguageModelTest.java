package dev.aio.core.model.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.model.FinishReason;
import dev.aio.core.model.Generation;
import dev.aio.core.model.Prompt;
import dev.aio.core.model.ScriptedModel;
import dev.aio.core.model.TokenUsage;
import dev.aio.core.testing.ManualTimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CachingLanguageModelTest {

    private static Prompt.Builder question() {
        return Prompt.builder().system("Answer briefly.").user("what is aio?").temperature(0.0)
                .template("answer", "a1b2c3").tenant("acme");
    }

    @Test
    void theSameRequestIsAnsweredOnceAndTheHitCostsNoTokens() {
        ScriptedModel model = ScriptedModel.echo("gpt");
        CachingLanguageModel cached = CachingLanguageModel.builder(model).build();
        Generation first = cached.generate(question().build());
        Generation second = cached.generate(question().build());

        assertThat(model.calls()).isEqualTo(1);
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.modelId()).isEqualTo("gpt");
        assertThat(first.usage()).isEqualTo(new TokenUsage(10, 5));
        assertThat(second.usage()).isEqualTo(TokenUsage.NONE);
        assertThat(cached.stats()).isEqualTo(new CacheStats(1, 1, 0, 0));
        assertThat(cached.stats().hitRate()).isEqualTo(0.5);
    }

    @Test
    void tenantsTemplateVersionsModelsAndSettingsNeverShareAnAnswer() {
        ScriptedModel model = ScriptedModel.echo("gpt");
        CachingLanguageModel cached = CachingLanguageModel.builder(model).build();
        cached.generate(question().build());
        cached.generate(question().tenant("globex").build());
        cached.generate(question().template("answer", "d4e5f6").build());
        cached.generate(question().temperature(0.7).build());
        cached.generate(question().maxOutputTokens(10).build());
        cached.generate(question().user("and more?").build());
        cached.generate(Prompt.builder().system("Answer briefly.").user("what is aio?").temperature(0.0).build());
        assertThat(model.calls()).isEqualTo(7);

        ScriptedModel other = ScriptedModel.echo("claude");
        CachingLanguageModel.builder(other).build().generate(question().build());
        assertThat(other.calls()).isEqualTo(1);
    }

    @Test
    void messageBoundariesArePartOfTheKey() {
        ScriptedModel model = ScriptedModel.echo("gpt");
        CachingLanguageModel cached = CachingLanguageModel.builder(model).build();
        cached.generate(Prompt.builder().user("ab").user("c").build());
        cached.generate(Prompt.builder().user("a").user("bc").build());
        assertThat(model.calls()).isEqualTo(2);
    }

    @Test
    void aStreamedHitReplaysTheKeptText() {
        ScriptedModel model = ScriptedModel.echo("gpt");
        CachingLanguageModel cached = CachingLanguageModel.builder(model).build();
        List<String> live = new ArrayList<>();
        cached.stream(question().build(), live::add);
        List<String> replayed = new ArrayList<>();
        Generation g = cached.stream(question().build(), replayed::add);

        assertThat(live).hasSize(2);
        assertThat(String.join("", replayed)).isEqualTo(String.join("", live)).isEqualTo(g.text());
        assertThat(model.calls()).isEqualTo(1);
    }

    @Test
    void filteredAnswersAreNotKept() {
        ScriptedModel model = ScriptedModel.scripted("gpt",
                p -> new Generation("", FinishReason.CONTENT_FILTER, new TokenUsage(3, 0), "gpt"));
        CachingLanguageModel cached = CachingLanguageModel.builder(model).build();
        cached.generate(question().build());
        cached.generate(question().build());
        assertThat(model.calls()).isEqualTo(2);
    }

    @Test
    void keptAnswersExpireOnTheCachesClock() {
        ManualTimeSource clock = new ManualTimeSource();
        ScriptedModel model = ScriptedModel.echo("gpt");
        CachingLanguageModel cached = CachingLanguageModel.builder(model)
                .expireAfterWrite(Duration.ofMinutes(10)).timeSource(clock).build();
        cached.generate(question().build());
        clock.advance(Duration.ofMinutes(9));
        cached.generate(question().build());
        assertThat(model.calls()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        cached.generate(question().build());
        assertThat(model.calls()).isEqualTo(2);
    }
}
