package dev.aio.core.enrich;

import dev.aio.core.pipeline.StageFunction;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Derives a value from a text with a language model: a summary, tags, extracted fields. A
 * {@link StageFunction} from text, so it is a pipeline {@code map} stage as it is; use
 * {@link #on(Function, BiFunction)} to enrich any item that holds text (a chunk, a document).
 *
 * <p>Failures: the model's own errors propagate unchanged (a retriable one is retried by the
 * stage's {@link dev.aio.core.pipeline.StepPolicy}); output that stays unusable after the
 * enricher's own attempts is an {@link EnrichmentException}, which is not retriable, so the item
 * goes to the dead letters. Thread-safe when the model is.
 *
 * @param <O> the derived value
 */
@FunctionalInterface
public interface Enricher<O> extends StageFunction<String, O> {

    /**
     * @param text the text to enrich, not null
     * @return the derived value, never null
     * @throws EnrichmentException when the model's output stays unusable
     */
    O enrich(String text);

    @Override
    default O apply(String text) {
        return enrich(text);
    }

    /**
     * Lifts this enricher to items that hold text.
     *
     * <pre>{@code
     * .map("tag", Enrichers.tag(model, List.of("billing", "legal"), 3)
     *     .on(Chunk::text, (chunk, tags) -> withMetadata(chunk, "tags", tags)))
     * }</pre>
     *
     * @param text reads the text from an item
     * @param combine builds the stage's output from the item and the derived value
     * @param <T> the item type
     * @param <R> the stage's output type
     * @return the stage function
     */
    default <T, R> StageFunction<T, R> on(Function<? super T, String> text,
            BiFunction<? super T, ? super O, ? extends R> combine) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(combine, "combine");
        return item -> combine.apply(item, enrich(text.apply(item)));
    }
}
