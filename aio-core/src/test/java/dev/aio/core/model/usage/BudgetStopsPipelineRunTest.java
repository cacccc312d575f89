package dev.aio.core.model.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aio.core.NonRetriableException;
import dev.aio.core.model.LanguageModel;
import dev.aio.core.model.Prompt;
import dev.aio.core.model.ScriptedModel;
import dev.aio.core.pipeline.FatalFailure;
import dev.aio.core.pipeline.Pipeline;
import dev.aio.core.pipeline.PipelineFailedException;
import dev.aio.core.pipeline.RunReport;
import dev.aio.core.pipeline.RunStatus;
import dev.aio.core.pipeline.StepPolicy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A spent budget ends a real pipeline run at once instead of dead-lettering every remaining item. */
class BudgetStopsPipelineRunTest {

    private static final List<String> QUESTIONS = IntStream.range(0, 200).mapToObj(i -> "q" + i).toList();

    @Test
    void aSpentBudgetStopsThePipelineRunWithAClearError() {
        UsageLedger ledger = UsageLedger.builder().runBudget(Budget.ofTokens(75)).build(); // 5 calls of 15 tokens
        ScriptedModel model = ScriptedModel.echo("small");
        LanguageModel metered = ledger.meter(model, UsageScope.of("nightly", "answer"));
        List<String> answers = new CopyOnWriteArrayList<>();
        try (Pipeline<String, Void> pipeline = Pipeline.from(String.class)
                .map("answer", (String q) -> metered.generate(Prompt.of(q)).text())
                .policy(StepPolicy.retry(3))
                .sink("collect", answers::add)
                .build()) {

            PipelineFailedException failed = catchThrowableOfType(() -> pipeline.run(QUESTIONS),
                    PipelineFailedException.class);

            RunReport report = failed.report();
            assertThat(report.status()).isEqualTo(RunStatus.FAILED);
            assertThat(failed).hasMessageContaining("failure that ends the run")
                    .hasMessageContaining("usage budget of run 'nightly' is spent");
            assertThat(failed).hasRootCauseInstanceOf(BudgetExceededException.class);
            // Five calls fit; the sixth is refused before the model and ends the run.
            assertThat(model.calls()).isEqualTo(5);
            assertThat(answers).hasSize(5);
            assertThat(report.deadLetterCount()).isEqualTo(1);
            assertThat(report.stage("answer").deadLettered()).isEqualTo(1);
            // Not retried: a spent budget is not retriable.
            assertThat(report.stage("answer").retries()).isZero();
            assertThat(ledger.run("nightly").totalTokens()).isEqualTo(75);
        }
    }

    /** Thrown wrapped in a plain exception by a user's stage function. */
    static final class Fatal extends NonRetriableException implements FatalFailure {
        Fatal() {
            super("the licence for this model ran out");
        }
    }

    @Test
    void aFatalFailureDeepInTheCauseChainStillStopsTheRun() {
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class)
                .map("work", (String s) -> {
                    if (s.equals("q3")) {
                        throw new IllegalStateException("wrapped", new Fatal());
                    }
                    return s;
                })
                .build()) {
            PipelineFailedException failed = catchThrowableOfType(() -> pipeline.run(QUESTIONS),
                    PipelineFailedException.class);
            assertThat(failed.report().status()).isEqualTo(RunStatus.FAILED);
            assertThat(failed.report().deadLetterCount()).isEqualTo(1);
            assertThat(failed).hasMessageContaining("the licence for this model ran out");
        }
    }

    @Test
    void anOrdinaryNonRetriableFailureOnlyDeadLettersItsItem() {
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class)
                .map("work", (String s) -> {
                    if (s.equals("q3")) {
                        throw new NonRetriableException("bad input") { };
                    }
                    return s;
                })
                .build()) {
            RunReport report = pipeline.run(QUESTIONS);
            assertThat(report.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(report.deadLetterCount()).isEqualTo(1);
            assertThat(report.done()).isEqualTo(QUESTIONS.size());
        }
    }
}
