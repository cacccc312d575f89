package dev.aio.core.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aio.core.NonRetriableException;
import dev.aio.core.model.LanguageModel;
import dev.aio.core.model.Prompt;
import dev.aio.core.vector.SearchHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Reranker} that asks a {@link LanguageModel} to score each passage's relevance from 0
 * to 10, answering in JSON: {@code [{"passage": 1, "score": 7}, ...]}. The answer is read
 * forgivingly (code fences and prose around the array, scores as strings, missing or unknown
 * passages); passages the model did not score keep their first-stage order after the scored
 * ones. When nothing usable comes back, the {@link OnMalformed} policy decides: keep the
 * first-stage order (logged at WARN) or fail with the model's output in the message.
 *
 * <p>No cross-encoder model can be loaded by aio-core (it has no inference runtime) and none
 * is published offline on Maven Central; a cross-encoder belongs in a provider module.
 *
 * <p>Thread-safe when the model is.
 */
public final class LlmReranker implements Reranker {

    /** What to do when the model's answer holds no usable scores. */
    public enum OnMalformed {
        /** Keep the first-stage order and log a warning. */
        KEEP_ORDER,
        /** Throw a {@link NonRetriableException} quoting the answer. */
        FAIL
    }

    /** The most characters of one passage shown to the model unless configured otherwise. */
    public static final int DEFAULT_MAX_PASSAGE_CHARS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(LlmReranker.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LanguageModel model;
    private final OnMalformed onMalformed;
    private final int maxPassageChars;

    private LlmReranker(LanguageModel model, OnMalformed onMalformed, int maxPassageChars) {
        this.model = Objects.requireNonNull(model, "model");
        this.onMalformed = Objects.requireNonNull(onMalformed, "onMalformed");
        if (maxPassageChars < 1) {
            throw new IllegalArgumentException("maxPassageChars must be at least 1, was " + maxPassageChars);
        }
        this.maxPassageChars = maxPassageChars;
    }

    /**
     * @param model the judge
     * @return a reranker that keeps the first-stage order on a malformed answer
     */
    public static LlmReranker of(LanguageModel model) {
        return new LlmReranker(model, OnMalformed.KEEP_ORDER, DEFAULT_MAX_PASSAGE_CHARS);
    }

    /**
     * @param model the judge
     * @param onMalformed what to do with an answer without usable scores
     * @param maxPassageChars the most characters of a passage shown, at least 1
     * @return the reranker
     */
    public static LlmReranker of(LanguageModel model, OnMalformed onMalformed, int maxPassageChars) {
        return new LlmReranker(model, onMalformed, maxPassageChars);
    }

    @Override
    public String name() {
        return "llm:" + model.modelId();
    }

    @Override
    public List<SearchHit> rerank(String query, List<SearchHit> hits) {
        StringBuilder passages = new StringBuilder();
        for (int i = 0; i < hits.size(); i++) {
            String text = hits.get(i).text() == null ? "" : hits.get(i).text();
            passages.append("[").append(i + 1).append("] ")
                    .append(text.length() > maxPassageChars ? text.substring(0, maxPassageChars) : text).append("\n");
        }
        Prompt prompt = Prompt.builder().task("rerank")
                .system("You judge how well passages answer a question. Reply with JSON only: an array of "
                        + "{\"passage\": <number>, \"score\": <0-10>} with one entry per passage.")
                .user("Question: " + query + "\n\nPassages:\n" + passages)
                .temperature(0).build();
        String answer = model.generate(prompt).text();
        Map<Integer, Double> scores = parse(answer, hits.size());
        if (scores.isEmpty()) {
            String excerpt = answer.length() > 200 ? answer.substring(0, 200) + "..." : answer;
            if (onMalformed == OnMalformed.FAIL) {
                throw new NonRetriableException("reranker " + name() + " got no usable scores for " + hits.size()
                        + " passages; the model answered: " + excerpt);
            }
            LOG.warn("reranker {} got no usable scores for {} passages, keeping the first-stage order; the model "
                    + "answered: {}", name(), hits.size(), excerpt);
            return hits;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            order.add(i);
        }
        // Scored passages first by score; unscored ones after them in first-stage order (stable sort).
        order.sort(Comparator.comparingDouble((Integer i) -> scores.getOrDefault(i, Double.NEGATIVE_INFINITY))
                .reversed());
        List<SearchHit> out = new ArrayList<>(hits.size());
        for (int i : order) {
            // Unscored passages get a score below every judged one, keeping the list ordered.
            double score = scores.containsKey(i) ? scores.get(i) : -1 - (double) out.size() / hits.size();
            out.add(new SearchHit(hits.get(i).record(), score));
        }
        return out;
    }

    /** @return passage index (from 0) to score, for the well-formed entries of the first JSON array */
    static Map<Integer, Double> parse(String answer, int passages) {
        Map<Integer, Double> scores = new HashMap<>();
        int start = answer.indexOf('[');
        int end = answer.lastIndexOf(']');
        if (start < 0 || end <= start) {
            return scores;
        }
        JsonNode array;
        try {
            array = JSON.readTree(answer.substring(start, end + 1));
        } catch (java.io.IOException e) {
            return scores;
        }
        if (array == null || !array.isArray()) {
            return scores;
        }
        for (JsonNode entry : array) {
            JsonNode passage = entry.get("passage");
            JsonNode score = entry.get("score");
            if (passage == null || score == null) {
                continue;
            }
            int index = passage.asInt(0) - 1;
            double value = score.isNumber() ? score.asDouble() : parseDouble(score.asText());
            if (index >= 0 && index < passages && Double.isFinite(value)) {
                scores.putIfAbsent(index, value);
            }
        }
        return scores;
    }

    private static double parseDouble(String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Override
    public String toString() {
        return "LlmReranker{" + name() + ", onMalformed=" + onMalformed + "}";
    }
}
