package dev.aio.core.ingest.internal;

import dev.aio.core.document.Chunk;
import dev.aio.core.document.Chunker;
import dev.aio.core.document.DocumentRejectedException;
import dev.aio.core.document.Parsers;
import dev.aio.core.ingest.LedgerEntry;
import dev.aio.core.ingest.ObjectOutcome;
import dev.aio.core.model.Embedder;
import dev.aio.core.pipeline.DeadLetter;
import dev.aio.core.pipeline.DeadLetterSink;
import dev.aio.core.pipeline.Pipeline;
import dev.aio.core.pipeline.PipelineBuilder;
import dev.aio.core.pipeline.PipelineListener;
import dev.aio.core.pipeline.StepPolicy;
import dev.aio.core.pipeline.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The pipeline of one ingestion run: skip-unchanged, parse, chunk, gather, embed, split, write.
 * Stage functions record each object's outcome in the run's {@link RunState}; the dead-letter
 * sink records rejected objects in the ledger (no chunks) and failed ones in the report only.
 */
public final class IngestRun {

    /** The settings an ingestor hands to each run. */
    public record Settings(Parsers parsers, Chunker chunker, Embedder embedder, ObjectWriter writer,
            RecordFactory records, int batchSize, int concurrency, Map<String, StepPolicy> policies,
            List<PipelineListener> listeners, DeadLetterSink deadLetters, Executor executor, TimeSource time) {
    }

    private final Settings s;
    private final RunState state = new RunState();

    /** @param settings the ingestor's settings */
    public IngestRun(Settings settings) {
        this.s = settings;
    }

    /** @return the run's state */
    public RunState state() {
        return state;
    }

    /**
     * @param name the pipeline's name
     * @return the run's pipeline
     */
    public Pipeline<Work.Candidate, Void> pipeline(String name) {
        PipelineBuilder<Work.Candidate, Work.Candidate> b = Pipeline.from(Work.Candidate.class).named(name)
                .listener(state).deadLetters(this::deadLetter)
                .filter("skip-unchanged", this::changed);
        for (PipelineListener listener : s.listeners()) {
            b = b.listener(listener);
        }
        if (s.executor() != null) {
            b = b.executor(s.executor());
        }
        if (s.time() != null) {
            b = b.timeSource(s.time());
        }
        PipelineBuilder<Work.Candidate, Work.Parsed> parsed = policy(b.<Work.Parsed>map("parse",
                c -> new Work.Parsed(c, s.parsers().parse(c.object()))).io().concurrency(s.concurrency()), "parse");
        PipelineBuilder<Work.Candidate, Work.Chunked> chunked = policy(parsed.<Work.Chunked>map("chunk",
                p -> new Work.Chunked(p.candidate(), p.document(), s.chunker().chunk(p.document()))), "chunk");
        PipelineBuilder<Work.Candidate, List<Work.Embedded>> embedded = policy(chunked
                .batch("gather", s.batchSize(), Duration.ofMillis(20))
                .<List<Work.Embedded>>map("embed", this::embed), "embed");
        PipelineBuilder<Work.Candidate, Work.Embedded> split = embedded.unbatch("split");
        return policy(split.sink("write", this::write).io().concurrency(s.concurrency()), "write").build();
    }

    private <T> PipelineBuilder<Work.Candidate, T> policy(PipelineBuilder<Work.Candidate, T> b, String stage) {
        StepPolicy p = s.policies().get(stage);
        return p == null ? b : b.policy(p);
    }

    private boolean changed(Work.Candidate c) {
        LedgerEntry e = c.previous();
        boolean same = e != null && e.status() != LedgerEntry.Status.DELETED && !e.hasLeftovers()
                && Objects.equals(e.versionId(), c.object().info().versionId())
                && Objects.equals(e.etag(), c.object().etag()) && Objects.equals(e.fingerprint(), c.fingerprint());
        if (!same) {
            return true;
        }
        if (c.sequencer() != null && !c.sequencer().equals(e.sequencer())) {
            s.writer().rememberSequencer(e, c.sequencer());
        }
        state.record(outcome(c, ObjectOutcome.Status.UNCHANGED, e.chunkIds().size(), ""));
        return false;
    }

    private List<Work.Embedded> embed(List<Work.Chunked> batch) {
        List<String> texts = new ArrayList<>();
        batch.forEach(c -> c.chunks().forEach(ch -> texts.add(ch.text())));
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += s.batchSize()) {
            List<String> slice = texts.subList(from, Math.min(texts.size(), from + s.batchSize()));
            List<float[]> got = s.embedder().embed(slice);
            if (got == null || got.size() != slice.size()) {
                throw new IllegalStateException("Embedder " + s.embedder().modelId() + " returned "
                        + (got == null ? "null" : got.size() + " vectors") + " for " + slice.size() + " texts");
            }
            vectors.addAll(got);
        }
        String runId = state.runId();
        List<Work.Embedded> out = new ArrayList<>(batch.size());
        int next = 0;
        for (Work.Chunked c : batch) {
            List<dev.aio.core.vector.VectorRecord> records = new ArrayList<>(c.chunks().size());
            for (Chunk chunk : c.chunks()) {
                records.add(s.records().record(c.candidate(), c.document(), chunk, vectors.get(next++), runId));
            }
            out.add(new Work.Embedded(c.candidate(), records));
        }
        return out;
    }

    private void write(Work.Embedded e) {
        LedgerEntry before = s.writer().write(e.candidate(), LedgerEntry.Status.INGESTED, e.records(),
                state.runId());
        boolean fresh = before == null || before.status() == LedgerEntry.Status.DELETED;
        state.record(outcome(e.candidate(), fresh ? ObjectOutcome.Status.INGESTED : ObjectOutcome.Status.UPDATED,
                e.records().size(), ""));
    }

    private void deadLetter(DeadLetter letter) throws Exception {
        for (Work.Candidate c : Work.candidatesOf(letter.item())) {
            DocumentRejectedException rejected = rejection(letter.error());
            if (rejected != null) {
                s.writer().write(c, LedgerEntry.Status.REJECTED, List.of(), letter.runId());
                state.record(outcome(c, ObjectOutcome.Status.REJECTED, 0, rejected.getMessage()));
            } else {
                int had = c.previous() == null ? 0 : c.previous().chunkIds().size();
                state.record(outcome(c, ObjectOutcome.Status.FAILED, had, "stage " + letter.stage() + ": "
                        + letter.errorClass() + ": " + letter.errorMessage()));
            }
        }
        if (s.deadLetters() != null) {
            s.deadLetters().accept(letter);
        }
    }

    private static DocumentRejectedException rejection(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DocumentRejectedException r) {
                return r;
            }
        }
        return null;
    }

    private static ObjectOutcome outcome(Work.Candidate c, ObjectOutcome.Status status, int chunks, String detail) {
        return new ObjectOutcome(c.object().bucket(), c.object().key(), c.object().info().versionId(),
                c.object().etag(), status, chunks, detail);
    }
}
