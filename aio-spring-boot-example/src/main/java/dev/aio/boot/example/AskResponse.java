package dev.aio.boot.example;

import dev.aio.core.answer.Answer;
import dev.aio.core.answer.Citation;
import java.util.List;

/**
 * The JSON body of {@code GET /ask}.
 *
 * @param answer the answer's text; with no language model, the best passages quoted
 * @param extractive whether no language model wrote it
 * @param citations where each passage came from
 */
public record AskResponse(String answer, boolean extractive, List<CitationView> citations) {

    /**
     * One cited passage.
     *
     * @param bucket the bucket
     * @param key the object key
     * @param version the object's version id, or its ETag where the store keeps no versions
     * @param start the passage's first character in the document text
     * @param end the passage's end (exclusive)
     * @param score the retrieval score
     */
    public record CitationView(String bucket, String key, String version, Long start, Long end, double score) {

        static CitationView of(Citation c) {
            return new CitationView(c.bucket(), c.key(), c.versionId() != null ? c.versionId() : c.etag(), c.start(),
                    c.end(), c.score());
        }
    }

    /**
     * @param answer the answer
     * @return its JSON view; an extractive answer cites every passage it quotes, a generated
     *     one the passages its text cites
     */
    public static AskResponse of(Answer answer) {
        List<Citation> shown = answer.extractive() ? answer.citations() : answer.cited();
        return new AskResponse(answer.text(), answer.extractive(), shown.stream().map(CitationView::of).toList());
    }
}
