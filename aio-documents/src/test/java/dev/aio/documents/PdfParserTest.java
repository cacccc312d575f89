package dev.aio.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aio.core.document.Chunk;
import dev.aio.core.document.Chunkers;
import dev.aio.core.document.Document;
import dev.aio.core.document.DocumentInput;
import dev.aio.core.document.DocumentRejectedException;
import dev.aio.core.document.DocumentSource;
import dev.aio.core.document.Page;
import dev.aio.core.document.Parsers;
import dev.aio.core.document.RejectionReason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PdfParserTest {

    private final Parsers parsers = Parsers.builder().add(new PdfParser()).build();

    private Document parse(String key, byte[] bytes) {
        return parsers.parse(DocumentInput.of(DocumentSource.named(key, null), bytes));
    }

    private DocumentRejectedException rejected(Parsers registry, byte[] bytes) {
        return catchThrowableOfType(DocumentRejectedException.class,
                () -> registry.parse(DocumentInput.of(DocumentSource.named("report.pdf", "application/pdf"), bytes)));
    }

    @Test
    void eachPagesTextKeepsItsPageNumberAndChunksNameTheirPages() {
        byte[] pdf = Pdfs.pages("Annual report", "Revenue grew in the north.\nCosts fell.", "Page two talks about rivers.",
                "", "The fourth page closes the report.");
        Document d = parse("reports/annual.pdf", pdf);
        assertThat(d.parser()).isEqualTo("pdf");
        assertThat(d.pages()).extracting(Page::number).containsExactly(1, 2, 3, 4);
        assertThat(d.metadata()).containsEntry("title", "Annual report").containsEntry("pages", 4L);
        assertThat(d.pageAt(d.text().indexOf("Costs fell."))).isEqualTo(1);
        assertThat(d.pageAt(d.text().indexOf("rivers"))).isEqualTo(2);
        assertThat(d.pageAt(d.text().indexOf("fourth"))).isEqualTo(4);
        Page first = d.pages().get(0);
        assertThat(d.text().substring(first.start(), first.end()).strip())
                .isEqualTo("Revenue grew in the north.\nCosts fell.");

        List<Chunk> chunks = Chunkers.characters(40, 0).chunk(d);
        for (Chunk c : chunks) {
            assertThat(c.text()).isEqualTo(d.text().substring(c.start(), c.end()));
        }
        assertThat(chunks).filteredOn(c -> c.text().contains("rivers")).singleElement()
                .satisfies(c -> assertThat(c.firstPage()).isEqualTo(2));
        assertThat(chunks).filteredOn(c -> c.text().contains("closes")).singleElement()
                .satisfies(c -> assertThat(c.firstPage()).isEqualTo(4));

        List<Chunk> whole = Chunkers.characters(10_000, 0).chunk(d);
        assertThat(whole).singleElement().satisfies(c -> {
            assertThat(c.firstPage()).isEqualTo(1);
            assertThat(c.lastPage()).isEqualTo(4);
        });
    }

    @Test
    void garbageWithAPdfExtensionIsRefusedAsCorrupt() {
        DocumentRejectedException e = rejected(parsers, "this is not a pdf at all".getBytes(StandardCharsets.UTF_8));
        assertThat(e.reason()).isEqualTo(RejectionReason.CORRUPT);
        assertThat(e.isRetriable()).isFalse();
        assertThat(e).hasMessageStartingWith("Cannot parse memory:report.pdf with parser 'pdf': CORRUPT: not a readable PDF: ");
    }

    @Test
    void aPdfCutShortIsRefusedAsCorrupt() {
        byte[] pdf = Pdfs.pages(null, "Some text that will be cut off.");
        byte[] header = Arrays.copyOf(pdf, 20);
        assertThat(rejected(parsers, header).reason()).isEqualTo(RejectionReason.CORRUPT);
    }

    @Test
    void moreAssignedPagesThanTheLimitAreRefusedBeforeExtraction() {
        Parsers limited = Parsers.builder().add(new PdfParser()).maxPages(2).build();
        DocumentRejectedException e = rejected(limited, Pdfs.pages(null, "one", "two", "three"));
        assertThat(e.reason()).isEqualTo(RejectionReason.TOO_MANY_PAGES);
        assertThat(e.detail()).isEqualTo("3 pages exceed the limit of 2 (ParseLimits.maxPages)");
        assertThat(limited.parse(DocumentInput.of(DocumentSource.named("ok.pdf", null), Pdfs.pages(null, "a", "b")))
                .pages()).hasSize(2);
    }

    @Test
    void textBeyondTheCharacterLimitIsRefused() {
        Parsers limited = Parsers.builder().add(new PdfParser()).maxChars(30).build();
        DocumentRejectedException e = rejected(limited, Pdfs.pages(null, "twenty characters ok", "and twenty more here"));
        assertThat(e.reason()).isEqualTo(RejectionReason.TOO_LARGE);
        assertThat(e.detail()).isEqualTo("the text of pages 1..2 is longer than 30 characters (ParseLimits.maxChars)");
    }

    @Test
    void aPasswordProtectedPdfIsRefusedAsEncrypted() {
        DocumentRejectedException e = rejected(parsers, Pdfs.encrypted("secret", "hidden text"));
        assertThat(e.reason()).isEqualTo(RejectionReason.ENCRYPTED);
    }

    @Test
    void pagesWithoutTextAreRefusedAsNoTextAndAnEmptyFileAsEmpty() {
        DocumentRejectedException scan = rejected(parsers, Pdfs.pages(null, "", ""));
        assertThat(scan.reason()).isEqualTo(RejectionReason.NO_TEXT);
        assertThat(scan.detail()).startsWith("none of the 2 pages has extractable text");
        assertThat(rejected(parsers, new byte[0]).reason()).isEqualTo(RejectionReason.EMPTY);
    }
}
