package dev.aio.examples.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.document.Chunkers;
import dev.aio.core.document.Document;
import dev.aio.core.document.Parsers;
import dev.aio.core.ingest.IngestReport;
import dev.aio.core.ingest.Ingestor;
import dev.aio.core.ingest.JdbcLedger;
import dev.aio.core.ingest.LedgerEntry;
import dev.aio.core.ingest.Lineage;
import dev.aio.core.ingest.ObjectOutcome;
import dev.aio.core.model.Embedder;
import dev.aio.core.storage.ObjectInfo;
import dev.aio.core.storage.StoredObject;
import dev.aio.core.vector.Filter;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorQuery;
import dev.aio.llm.onnx.OnnxEmbedder;
import dev.aio.storage.fs.FileSystemObjectStore;
import dev.aio.vector.lucene.LuceneVectorStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingestion with nothing faked: a folder of real files (Markdown, JSON, a two-page PDF written
 * with PDFBox, and a malformed JSON file) in a {@link FileSystemObjectStore}, the real MiniLM
 * {@link OnnxEmbedder}, a {@link LuceneVectorStore} on disk and a SQLite {@link JdbcLedger}.
 * A question embedded by the same model must find the PDF's second page, with lineage back to
 * the exact bytes; an unchanged re-run must embed nothing; a modified file alone is re-ingested
 * and loses its old chunks; a deleted file loses its chunks.
 */
class RealModelIngestTest {

    private static final String BUCKET = "knowledge";

    @TempDir
    Path dir;

    private FileSystemObjectStore store;
    private OnnxEmbedder model;
    private CountingEmbedder embedder;
    private LuceneVectorStore index;
    private JdbcLedger ledger;
    private Ingestor ingestor;

    @BeforeEach
    void setUp() throws IOException {
        Path bucket = dir.resolve("objects").resolve(BUCKET);
        // Files written into the bucket's folder by hand, as a user's folder would be.
        write(bucket.resolve("guides/lighthouse.md"), """
                # Keeping a lighthouse

                The keeper climbs the spiral stairs each evening to light the lamp before sunset.
                The lens is polished every morning so that the beam carries twenty miles out to sea.

                ## Storms

                During a storm the keeper stays in the lantern room and watches for ships in distress.
                """.getBytes(StandardCharsets.UTF_8));
        write(bucket.resolve("data/recipes.json"), """
                {"title": "Bread", "text": "Knead the dough for ten minutes, let it rise for an hour, then bake it in a hot oven until the crust is golden."}
                """.getBytes(StandardCharsets.UTF_8));
        // Each page is longer than half a chunk, so the chunker (no overlap) cuts at the page break
        // and the answer's chunk lies on page 2 alone.
        write(bucket.resolve("manuals/pump.pdf"), pdf(
                "Installation. Mount the water pump on a level concrete base and connect the inlet hose.\n"
                        + "Tighten the four anchor bolts by hand first, then with a torque wrench.\n"
                        + "Prime the pump with clean water before the first start.",
                "Safety. The pressure relief valve opens when the pump pressure exceeds six bar\n"
                        + "and protects the pipes from bursting. Check the valve every spring and\n"
                        + "replace it if it leaks or sticks."));
        write(bucket.resolve("bad/broken.json"), "{\"title\": \"unterminated".getBytes(StandardCharsets.UTF_8));

        store = FileSystemObjectStore.at(dir.resolve("objects"));
        model = OnnxEmbedder.builder().build();
        embedder = new CountingEmbedder(model);
        index = LuceneVectorStore.builder().directory(dir.resolve("index")).build();
        ledger = JdbcLedger.sqlite(dir.resolve("ledger.db"));
        ingestor = Ingestor.builder().objectStore(store).parsers(Parsers.standard())
                .chunker(Chunkers.characters(300, 0)).embedder(embedder).vectorStore(index).ledger(ledger).build();
    }

    @AfterEach
    void tearDown() {
        ledger.close();
        index.close();
        model.close();
        store.close();
    }

    @Test
    void ingestsSearchesSkipsUnchangedAndFollowsChangesAndDeletes() throws IOException {
        IngestReport first = ingestor.run(BUCKET, "");
        assertThat(first.count(ObjectOutcome.Status.INGESTED)).as(first.toString()).isEqualTo(3);
        assertThat(first.count(ObjectOutcome.Status.REJECTED)).as(first.toString()).isEqualTo(1);
        assertThat(first.outcome("bad/broken.json")).get().extracting(ObjectOutcome::status)
                .isEqualTo(ObjectOutcome.Status.REJECTED);
        assertThat(index.count()).isEqualTo(embedder.texts.get()).isPositive();

        // The question, embedded by the same model, finds the PDF's second page.
        List<SearchHit> hits = index.search(VectorQuery.of(
                model.embed("What happens when the pump pressure is too high?"), 3));
        assertThat(hits).isNotEmpty();
        SearchHit top = hits.get(0);
        Map<String, Object> m = top.metadata();
        assertThat(m.get(Lineage.BUCKET)).isEqualTo(BUCKET);
        assertThat(m.get(Lineage.KEY)).isEqualTo("manuals/pump.pdf");
        ObjectInfo pdfInfo = store.stat(BUCKET, "manuals/pump.pdf");
        assertThat(m.get(Lineage.ETAG)).isEqualTo(pdfInfo.etag());
        assertThat(m).doesNotContainKey(Lineage.VERSION_ID); // a folder keeps no versions
        assertThat(((Number) m.get(Lineage.FIRST_PAGE)).intValue()).isEqualTo(2);
        assertThat(((Number) m.get(Lineage.LAST_PAGE)).intValue()).isEqualTo(2);
        assertThat(top.text()).contains("pressure relief valve");
        // The offsets point into the document the stored bytes parse to, at exactly the chunk's text.
        Document parsed = Parsers.standard().parse(new StoredObject(store, pdfInfo));
        int start = ((Number) m.get(Lineage.START)).intValue();
        int end = ((Number) m.get(Lineage.END)).intValue();
        assertThat(parsed.text().substring(start, end)).isEqualTo(top.text());

        // Unchanged: nothing downloaded into the model, nothing written.
        long chunksBefore = index.count();
        embedder.reset();
        IngestReport again = ingestor.run(BUCKET, "");
        assertThat(embedder.calls.get()).as("embed calls on an unchanged re-run").isZero();
        assertThat(again.count(ObjectOutcome.Status.INGESTED) + again.count(ObjectOutcome.Status.UPDATED)).isZero();
        assertThat(again.count(ObjectOutcome.Status.UNCHANGED)).as(again.toString()).isEqualTo(4);
        assertThat(index.count()).isEqualTo(chunksBefore);

        // One file modified: it alone is re-embedded, its old chunks are gone, the others stay.
        List<String> oldIds = entry("guides/lighthouse.md").chunkIds();
        List<String> recipeIds = entry("data/recipes.json").chunkIds();
        write(dir.resolve("objects").resolve(BUCKET).resolve("guides/lighthouse.md"), """
                # Keeping a lighthouse

                Since the lamp was automated the keeper only inspects the solar panels once a month.
                """.getBytes(StandardCharsets.UTF_8));
        embedder.reset();
        IngestReport modified = ingestor.run(BUCKET, "");
        assertThat(modified.outcome("guides/lighthouse.md")).get().extracting(ObjectOutcome::status)
                .isEqualTo(ObjectOutcome.Status.UPDATED);
        assertThat(modified.count(ObjectOutcome.Status.UNCHANGED)).as(modified.toString()).isEqualTo(3);
        List<String> newIds = entry("guides/lighthouse.md").chunkIds();
        assertThat(embedder.texts.get()).isEqualTo(newIds.size());
        assertThat(index.get(oldIds)).isEmpty();
        assertThat(index.get(newIds)).hasSize(newIds.size())
                .allSatisfy(r -> assertThat(r.text()).doesNotContain("spiral stairs"));
        assertThat(index.count(Filter.eq(Lineage.KEY, "guides/lighthouse.md"))).isEqualTo(newIds.size());
        assertThat(index.get(recipeIds)).hasSize(recipeIds.size());

        // One file deleted: its chunks and its ledger entry go.
        List<String> pdfIds = entry("manuals/pump.pdf").chunkIds();
        Files.delete(dir.resolve("objects").resolve(BUCKET).resolve("manuals/pump.pdf"));
        embedder.reset();
        IngestReport deleted = ingestor.run(BUCKET, "");
        assertThat(deleted.outcome("manuals/pump.pdf")).get().extracting(ObjectOutcome::status)
                .isEqualTo(ObjectOutcome.Status.DELETED);
        assertThat(embedder.calls.get()).isZero();
        assertThat(index.get(pdfIds)).isEmpty();
        assertThat(index.count(Filter.eq(Lineage.KEY, "manuals/pump.pdf"))).isZero();
        assertThat(ledger.get(store.name(), BUCKET, "manuals/pump.pdf")).isEmpty();
        assertThat(index.search(VectorQuery.of(model.embed("What happens when the pump pressure is too high?"), 5)))
                .noneMatch(h -> "manuals/pump.pdf".equals(h.metadata().get(Lineage.KEY)));
    }

    private LedgerEntry entry(String key) {
        return ledger.get(store.name(), BUCKET, key).orElseThrow();
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** A real PDF, one string per page, lines split on '\n'. */
    private static byte[] pdf(String... pages) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pages) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.beginText();
                    content.setFont(font, 12);
                    content.setLeading(16);
                    content.newLineAtOffset(72, 720);
                    for (String line : text.split("\n")) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            return out.toByteArray();
        }
    }

    /** Counts calls and texts on their way to the real model; the model itself is unchanged. */
    private static final class CountingEmbedder implements Embedder {
        final Embedder delegate;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger texts = new AtomicInteger();

        CountingEmbedder(Embedder delegate) {
            this.delegate = delegate;
        }

        void reset() {
            calls.set(0);
            texts.set(0);
        }

        @Override
        public List<float[]> embed(List<String> batch) {
            calls.incrementAndGet();
            texts.addAndGet(batch.size());
            return delegate.embed(batch);
        }

        @Override
        public int dimensions() {
            return delegate.dimensions();
        }

        @Override
        public String modelId() {
            return delegate.modelId();
        }

        @Override
        public String fingerprint() {
            return delegate.fingerprint();
        }

        @Override
        public int maxTokens() {
            return delegate.maxTokens();
        }

        @Override
        public void close() {
            // The model is closed by the test.
        }
    }
}
