package dev.aio.core.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aio.core.enrich.internal.InvalidOutputException;
import dev.aio.core.enrich.internal.RetryingGeneration;
import dev.aio.core.model.LanguageModel;
import dev.aio.core.model.Prompt;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The enrichment stages: {@link #summarise}, {@link #tag} and {@link #extract}. Each returns an
 * {@link Enricher}, usable as a pipeline {@code map} stage:
 *
 * <pre>{@code
 * Pipeline<String, Invoice> p = Pipeline.from(String.class)
 *     .map("extract", Enrichers.extract(model, Invoice.class))
 *     .policy(StepPolicy.retry(3))   // retries the model's transient failures
 *     .build();                      // unusable output is dead-lettered, not retried again
 * }</pre>
 *
 * <p>All of them retry unusable output up to {@link Extractor#DEFAULT_MAX_ATTEMPTS} generations
 * with the problem fed back, then throw an {@link EnrichmentException}.
 */
public final class Enrichers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Enrichers() {
    }

    /**
     * @param model the model, not null
     * @param maxWords the summary's length the model is asked for, 5 to 1000 words
     * @return an enricher that returns a plain-text summary; blank output is retried
     */
    public static Enricher<String> summarise(LanguageModel model, int maxWords) {
        Objects.requireNonNull(model, "model");
        if (maxWords < 5 || maxWords > 1000) {
            throw new IllegalArgumentException("summary maxWords must be in [5, 1000], was " + maxWords);
        }
        String system = "Summarise the user's text in at most " + maxWords + " words. Reply with the summary only: "
                + "no preamble, no quotes, no markdown.";
        return text -> RetryingGeneration.run("summarise", model, prompt("enrich.summarise", system, text),
                Extractor.DEFAULT_MAX_ATTEMPTS, output -> {
                    String summary = output.strip();
                    if (summary.isEmpty()) {
                        throw new InvalidOutputException("the summary is empty");
                    }
                    return summary;
                });
    }

    /**
     * @param model the model, not null
     * @param vocabulary the only tags allowed, non-empty, none blank; matched ignoring case
     * @param maxTags the most tags per text, at least 1
     * @return an enricher returning the text's tags as spelled in the vocabulary, possibly none;
     *     output that is not a JSON array of vocabulary tags, or has too many, is retried
     */
    public static Enricher<List<String>> tag(LanguageModel model, Collection<String> vocabulary, int maxTags) {
        Objects.requireNonNull(model, "model");
        Map<String, String> canonical = new LinkedHashMap<>();
        for (String t : Objects.requireNonNull(vocabulary, "vocabulary")) {
            if (t == null || t.isBlank()) {
                throw new IllegalArgumentException("tag vocabulary holds a blank tag: " + vocabulary);
            }
            canonical.put(t.strip().toLowerCase(Locale.ROOT), t.strip());
        }
        if (canonical.isEmpty() || maxTags < 1) {
            throw new IllegalArgumentException("tag needs a non-empty vocabulary and maxTags >= 1, got " + vocabulary
                    + " and " + maxTags);
        }
        String system = "Tag the user's text with at most " + maxTags + " tags, chosen only from this list: "
                + canonical.values() + ". Reply with a JSON array of strings only, e.g. [\""
                + canonical.values().iterator().next() + "\"]; reply [] when none fits.";
        return text -> RetryingGeneration.run("tag", model, prompt("enrich.tag", system, text),
                Extractor.DEFAULT_MAX_ATTEMPTS, output -> tags(output, canonical, maxTags));
    }

    private static List<String> tags(String output, Map<String, String> canonical, int maxTags)
            throws InvalidOutputException {
        JsonNode node;
        try {
            node = JSON.readTree(RetryingGeneration.jsonIn(output, '[', ']'));
        } catch (JsonProcessingException e) {
            throw new InvalidOutputException("not a valid JSON array: " + e.getOriginalMessage());
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode t : node) {
            String tag = t.isTextual() ? canonical.get(t.textValue().strip().toLowerCase(Locale.ROOT)) : null;
            if (tag == null) {
                throw new InvalidOutputException("tag " + t + " is not in the list " + canonical.values());
            }
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        if (tags.size() > maxTags) {
            throw new InvalidOutputException(tags.size() + " tags given, at most " + maxTags + " allowed");
        }
        return List.copyOf(tags);
    }

    /**
     * @param model the model, not null
     * @param type the record to fill
     * @param <R> the record type
     * @return an extractor with no validator beyond required fields and the default attempts;
     *     use {@link Extractor#builder} for more
     */
    public static <R extends Record> Extractor<R> extract(LanguageModel model, Class<R> type) {
        return Extractor.builder(model, type).build();
    }

    private static Prompt prompt(String task, String system, String text) {
        Objects.requireNonNull(text, "text");
        return Prompt.builder().task(task).system(system).user(text).temperature(0).build();
    }
}
