package dev.aio.boot.example;

import dev.aio.core.answer.Answer;
import dev.aio.core.answer.Answerer;
import dev.aio.core.ingest.IngestReport;
import dev.aio.core.ingest.Ingestor;
import dev.aio.core.retrieval.RetrievalRequest;
import dev.aio.spring.boot.AioProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /ask?q=...} answers from the index with citations; {@code POST /ingest} brings the
 * index in line with the configured bucket and prefix (incrementally: unchanged documents are
 * skipped). The beans come from the starter.
 */
@RestController
public class AskController {

    private final Answerer answerer;
    private final Ingestor ingestor;
    private final AioProperties properties;

    /**
     * @param answerer answers questions
     * @param ingestor ingests the bucket
     * @param properties the {@code aio.*} properties, for the bucket and prefix
     */
    public AskController(Answerer answerer, Ingestor ingestor, AioProperties properties) {
        this.answerer = answerer;
        this.ingestor = ingestor;
        this.properties = properties;
    }

    /**
     * @param q the question
     * @param k how many passages to retrieve, 1 to 50
     * @return the answer and its citations
     */
    @GetMapping("/ask")
    public AskResponse ask(@RequestParam("q") String q, @RequestParam(name = "k", defaultValue = "5") int k) {
        if (q.isBlank() || k < 1 || k > 50) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "q must not be blank and k must be 1 to 50");
        }
        Answer answer = answerer.answer(RetrievalRequest.builder(q).topK(k).build());
        return AskResponse.of(answer);
    }

    /** @return what the run did with each object, in counts */
    @PostMapping("/ingest")
    public IngestResponse ingest() {
        IngestReport report = ingestor.run(properties.objectStore().bucket(), properties.objectStore().prefix());
        return IngestResponse.of(report);
    }
}
