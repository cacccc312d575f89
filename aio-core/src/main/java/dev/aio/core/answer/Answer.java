package dev.aio.core.answer;

import dev.aio.core.model.TokenUsage;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An answer to a question with the passages it rests on.
 *
 * @param text the answer; cites passages as {@code [n]}, n a {@link Citation#marker()}
 * @param citations every passage given to the model (or quoted, when extractive), by marker
 * @param usage the tokens the language model consumed; {@link TokenUsage#NONE} when extractive
 * @param lineage how the answer was made
 * @param extractive whether no language model wrote it: the text is the best passages, and says so
 */
public record Answer(String text, List<Citation> citations, TokenUsage usage, AnswerLineage lineage,
        boolean extractive) {

    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,4})]");

    /** Validates and copies. */
    public Answer {
        Objects.requireNonNull(text, "text");
        citations = List.copyOf(citations);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(lineage, "lineage");
    }

    /**
     * The citations the text refers to by a {@code [n]} marker, in order of first mention;
     * markers that name no passage (a model's invention) are left out.
     *
     * @return the cited passages
     */
    public List<Citation> cited() {
        Set<Integer> markers = new LinkedHashSet<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            markers.add(Integer.parseInt(m.group(1)));
        }
        return markers.stream().filter(n -> n >= 1 && n <= citations.size()).map(n -> citations.get(n - 1)).toList();
    }
}
