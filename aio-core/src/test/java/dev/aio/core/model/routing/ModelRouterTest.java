package dev.aio.core.model.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aio.core.NonRetriableException;
import dev.aio.core.RetriableException;
import dev.aio.core.UnsupportedCapabilityException;
import dev.aio.core.model.FinishReason;
import dev.aio.core.model.Generation;
import dev.aio.core.model.Prompt;
import dev.aio.core.model.ScriptedModel;
import dev.aio.core.model.TokenUsage;
import dev.aio.core.model.routing.RouteAttempt.Outcome;
import dev.aio.core.model.usage.PriceTable;
import dev.aio.core.testing.ManualTimeSource;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ModelRouterTest {

    private final ManualTimeSource clock = new ManualTimeSource();

    private static Prompt ofChars(int chars) {
        return Prompt.builder().user("x".repeat(chars)).maxOutputTokens(100).build();
    }

    @Test
    void aTaggedRequestGoesToTheFirstRouteThatTakesItsTask() {
        ScriptedModel classifier = ScriptedModel.echo("classifier");
        ScriptedModel general = ScriptedModel.echo("general");
        try (ModelRouter router = ModelRouter.builder()
                .route(Route.to(classifier).tasks("classify"))
                .route(Route.to(general))
                .build()) {
            assertThat(router.generate(Prompt.builder().user("a").task("classify").build()).modelId())
                    .isEqualTo("classifier");
            assertThat(router.generate(Prompt.builder().user("b").task("summarize").build()).modelId())
                    .isEqualTo("general");
            assertThat(router.generate(Prompt.of("c")).modelId()).isEqualTo("general");
            assertThat(classifier.calls()).isEqualTo(1);
        }
    }

    @Test
    void aPromptTooLongForAModelsWindowGoesToOneWithALargerWindow() {
        ScriptedModel small = ScriptedModel.echo("small");
        ScriptedModel large = ScriptedModel.echo("large");
        ModelRouter router = ModelRouter.builder()
                .route(Route.to(small).contextWindow(1_000))
                .route(Route.to(large).contextWindow(100_000))
                .build();
        // 4000 chars ~ 1000 tokens + 4 per message + 100 output: over 1000
        assertThat(router.generate(ofChars(4_000)).modelId()).isEqualTo("large");
        // 3000 chars ~ 750 + 4 + 100 = 854: fits
        assertThat(router.generate(ofChars(3_000)).modelId()).isEqualTo("small");
    }

    @Test
    void aRequestWhoseEstimatedCostIsOverARoutesCeilingGoesElsewhere() {
        PriceTable prices = PriceTable.builder().price("premium", "10.00", "30.00").price("cheap", "0.10", "0.40")
                .build();
        ModelRouter router = ModelRouter.builder()
                .prices(prices)
                .route(Route.to(ScriptedModel.echo("premium")).maxCost(new BigDecimal("0.01")))
                .route(Route.to(ScriptedModel.echo("cheap")))
                .build();
        // ~104 input tokens, 100 output: 104 * 10e-6 + 100 * 30e-6 = 0.00404 -> premium
        assertThat(router.generate(ofChars(400)).modelId()).isEqualTo("premium");
        // ~1004 input tokens: 0.01004 + 0.003 = 0.01304 > 0.01 -> cheap
        assertThat(router.generate(ofChars(4_000)).modelId()).isEqualTo("cheap");
    }

    @Test
    void aCallersRulePicksAModelByAnyAttributeOfTheRequest() {
        ModelRouter router = ModelRouter.builder()
                .route(Route.to(ScriptedModel.echo("acme-model")).when("tenant acme",
                        p -> p.tenant().filter("acme"::equals).isPresent()))
                .route(Route.to(ScriptedModel.echo("shared")))
                .build();
        assertThat(router.generate(Prompt.builder().user("x").tenant("acme").build()).modelId()).isEqualTo("acme-model");
        assertThat(router.generate(Prompt.builder().user("x").tenant("globex").build()).modelId()).isEqualTo("shared");
    }

    @Test
    void aRetriableFailureFallsBackInRouteOrder() {
        ScriptedModel first = ScriptedModel.failing("first", new RetriableException("503 from first"));
        ScriptedModel second = ScriptedModel.failing("second", new RetriableException("429 from second"));
        ScriptedModel third = ScriptedModel.echo("third");
        ModelRouter router = ModelRouter.builder()
                .route(Route.to(first)).route(Route.to(second)).route(Route.to(third))
                .build();
        Generation g = router.generate(Prompt.of("hello"));
        assertThat(g.modelId()).isEqualTo("third");
        assertThat(g.text()).isEqualTo("HELLO");
        assertThat(List.of(first.calls(), second.calls(), third.calls())).containsExactly(1, 1, 1);
    }

    @Test
    void whenEveryModelFailsRetriablyTheErrorIsRetriableAndListsEachModelAndWhy() {
        ModelRouter router = ModelRouter.builder().id("answers")
                .route(Route.to(ScriptedModel.echo("tagged")).tasks("classify"))
                .route(Route.to(ScriptedModel.failing("a", new RetriableException("503 from a"))))
                .route(Route.to(ScriptedModel.failing("b", new RetriableException("timeout from b"))))
                .build();
        NoModelAvailableException e = catchThrowableOfType(() -> router.generate(Prompt.of("x")),
                NoModelAvailableException.class);
        assertThat(e).isInstanceOf(RetriableException.class)
                .hasMessageContaining("model router 'answers'")
                .hasMessageContaining("tagged: EXCLUDED (takes only tasks [classify] and the request has no task tag)")
                .hasMessageContaining("a: FAILED_RETRIABLE (RetriableException: 503 from a)")
                .hasMessageContaining("b: FAILED_RETRIABLE (RetriableException: timeout from b)");
        assertThat(e.attempts()).extracting(RouteAttempt::outcome)
                .containsExactly(Outcome.EXCLUDED, Outcome.FAILED_RETRIABLE, Outcome.FAILED_RETRIABLE);
        assertThat(e).hasCauseInstanceOf(RetriableException.class);
    }

    @Test
    void anOpenBreakerSkipsItsModelWithoutCallingItUntilItMayCloseAgain() {
        AtomicBoolean primaryDown = new AtomicBoolean(true);
        ScriptedModel primary = ScriptedModel.scripted("primary", p -> {
            if (primaryDown.get()) {
                throw new RetriableException("503 from primary");
            }
            return new Generation("ok", FinishReason.STOP, TokenUsage.NONE, "primary");
        });
        ScriptedModel backup = ScriptedModel.echo("backup");
        ModelRouter router = ModelRouter.builder()
                .circuitBreaker(50, 2, Duration.ofSeconds(30))
                .timeSource(clock)
                .route(Route.to(primary)).route(Route.to(backup))
                .build();

        router.generate(Prompt.of("1"));
        router.generate(Prompt.of("2"));
        assertThat(primary.calls()).isEqualTo(2);
        assertThat(router.circuitBreaker("primary").getState()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThat(router.generate(Prompt.of("3")).modelId()).isEqualTo("backup");
        assertThat(primary.calls()).isEqualTo(2);
        assertThat(backup.calls()).isEqualTo(3);

        primaryDown.set(false);
        clock.advance(Duration.ofSeconds(31));
        assertThat(router.generate(Prompt.of("4")).modelId()).isEqualTo("primary");
    }

    @Test
    void whenEveryBreakerIsOpenTheErrorSaysSoAndIsRetriable() {
        ScriptedModel only = ScriptedModel.echo("only");
        ModelRouter router = ModelRouter.builder().route(Route.to(only)).build();
        router.circuitBreaker("only").transitionToOpenState();
        assertThatThrownBy(() -> router.generate(Prompt.of("x")))
                .isInstanceOf(NoModelAvailableException.class)
                .hasMessageContaining("only: CIRCUIT_OPEN (circuit breaker is OPEN)");
        assertThat(only.calls()).isZero();
    }

    @Test
    void aModelThatCannotTakeTheRequestFallsBackWithoutCountingAgainstItsBreaker() {
        ScriptedModel narrow = ScriptedModel.failing("narrow",
                new UnsupportedCapabilityException("narrow", "a prompt of 9000 tokens", "use a larger model"));
        ModelRouter router = ModelRouter.builder()
                .circuitBreaker(50, 1, Duration.ofSeconds(30))
                .route(Route.to(narrow)).route(Route.to(ScriptedModel.echo("wide")))
                .build();
        assertThat(router.generate(Prompt.of("x")).modelId()).isEqualTo("wide");
        assertThat(router.circuitBreaker("narrow").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aNonRetriableFailureIsRethrownAsItIsWithoutFallingBack() {
        NonRetriableException invalid = new NonRetriableException("400: invalid prompt") { };
        ScriptedModel backup = ScriptedModel.echo("backup");
        ModelRouter router = ModelRouter.builder()
                .route(Route.to(ScriptedModel.failing("primary", invalid))).route(Route.to(backup))
                .build();
        assertThatThrownBy(() -> router.generate(Prompt.of("x"))).isSameAs(invalid);
        assertThat(backup.calls()).isZero();
    }

    @Test
    void whenRulesExcludeEveryModelTheErrorIsNotRetriableAndSaysWhy() {
        ModelRouter router = ModelRouter.builder()
                .route(Route.to(ScriptedModel.echo("small")).contextWindow(100))
                .route(Route.to(ScriptedModel.echo("priced")).maxCost(BigDecimal.ONE))
                .build();
        assertThatThrownBy(() -> router.generate(ofChars(1_000)))
                .isInstanceOf(NoEligibleModelException.class)
                .hasMessageContaining("no model can take this request")
                .hasMessageContaining("small: EXCLUDED (needs about 354 tokens (254 prompt + 100 output) but the "
                        + "context window is 100)")
                .hasMessageContaining("priced: EXCLUDED (has a cost ceiling of 1 but no price");
    }

    @Test
    void aStreamFallsBackBeforeAnyTextButNeverAfter() {
        ScriptedModel failsAtOnce = ScriptedModel.failing("down", new RetriableException("503"));
        ScriptedModel backup = ScriptedModel.echo("backup");
        ModelRouter router = ModelRouter.builder().route(Route.to(failsAtOnce)).route(Route.to(backup)).build();
        List<String> pieces = new ArrayList<>();
        assertThat(router.stream(Prompt.of("hello"), pieces::add).modelId()).isEqualTo("backup");
        assertThat(String.join("", pieces)).isEqualTo("HELLO");

        ScriptedModel breaksMidway = ScriptedModel.echo("flaky");
        ModelRouter midway = ModelRouter.builder()
                .route(Route.to(new dev.aio.core.model.LanguageModel() {
                    @Override
                    public Generation generate(Prompt prompt) {
                        throw new AssertionError("streams only");
                    }

                    @Override
                    public Generation stream(Prompt prompt, java.util.function.Consumer<String> onToken) {
                        onToken.accept("HEL");
                        throw new RetriableException("connection reset mid-stream");
                    }

                    @Override
                    public String modelId() {
                        return "midway";
                    }
                }))
                .route(Route.to(breaksMidway))
                .build();
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> midway.stream(Prompt.of("hello"), seen::add))
                .isInstanceOf(RetriableException.class).hasMessage("connection reset mid-stream");
        assertThat(seen).containsExactly("HEL");
        assertThat(breaksMidway.calls()).isZero();
    }

    @Test
    void twoRoutesToOneModelCallItOnceAndShareOneBreaker() {
        ScriptedModel flaky = ScriptedModel.failing("flaky", new RetriableException("503"));
        ModelRouter router = ModelRouter.builder()
                .route(Route.to(flaky).tasks("summarize"))
                .route(Route.to(ScriptedModel.echo("other")).tasks("classify"))
                .route(Route.to(flaky))
                .build();
        NoModelAvailableException e = catchThrowableOfType(
                () -> router.generate(Prompt.builder().user("x").task("summarize").build()),
                NoModelAvailableException.class);
        assertThat(e.attempts()).extracting(RouteAttempt::outcome)
                .containsExactly(Outcome.FAILED_RETRIABLE, Outcome.EXCLUDED, Outcome.ALREADY_TRIED);
        assertThat(flaky.calls()).isEqualTo(1);
        router.close();
        assertThat(flaky.closes()).isEqualTo(1);
    }

    @Test
    void theBuilderExplainsWhatItRefuses() {
        assertThatThrownBy(() -> ModelRouter.builder().build()).hasMessageContaining("needs at least one route");
        assertThatThrownBy(() -> ModelRouter.builder().circuitBreaker(0, 1, Duration.ofSeconds(1)))
                .hasMessageContaining("1..100 percent, got 0");
        assertThatThrownBy(() -> Route.to(ScriptedModel.echo("m")).contextWindow(0))
                .hasMessageContaining("'m' must be at least 1 token, got 0");
        assertThatThrownBy(() -> ModelRouter.builder().route(Route.to(ScriptedModel.echo("m"))).build()
                .circuitBreaker("n")).hasMessageContaining("routes no model 'n'; it routes [m]");
    }
}
