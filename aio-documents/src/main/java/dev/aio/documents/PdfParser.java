package dev.aio.documents;

import dev.aio.core.document.Document;
import dev.aio.core.document.DocumentInput;
import dev.aio.core.document.DocumentParser;
import dev.aio.core.document.DocumentRejectedException;
import dev.aio.core.document.DocumentSource;
import dev.aio.core.document.Page;
import dev.aio.core.document.ParseLimits;
import dev.aio.core.document.RejectionReason;
import java.io.IOException;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * PDF documents, page by page: the text of each page in reading order as PDFBox extracts it,
 * pages separated by a blank line, each page a {@link Page} whose number chunks keep; the
 * document's title and author (where set) and its page count as metadata. Content type
 * {@code application/pdf}; extension {@code pdf}. Stateless and thread-safe (each call opens
 * its own PDFBox document).
 *
 * <p>Refused: an empty file ({@link RejectionReason#EMPTY}), bytes PDFBox cannot read as a PDF
 * ({@link RejectionReason#CORRUPT}, with PDFBox's reason), a PDF that needs a password
 * ({@link RejectionReason#ENCRYPTED}), more pages than {@link ParseLimits#maxPages()}
 * ({@link RejectionReason#TOO_MANY_PAGES}, checked before any text is extracted), more text than
 * {@link ParseLimits#maxChars()} ({@link RejectionReason#TOO_LARGE}), and pages without any
 * text, as in a scan ({@link RejectionReason#NO_TEXT}).
 */
public final class PdfParser implements DocumentParser {

    /** The name this parser registers under. */
    public static final String NAME = "pdf";

    /** Creates the parser; it has no settings. */
    public PdfParser() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> mediaTypes() {
        return Set.of("application/pdf", "application/x-pdf");
    }

    @Override
    public Set<String> extensions() {
        return Set.of("pdf");
    }

    @Override
    public Document parse(DocumentInput input, ParseLimits limits) {
        DocumentSource source = input.source();
        if (input.length() == 0) {
            throw new DocumentRejectedException(source, NAME, RejectionReason.EMPTY, "the object has 0 bytes");
        }
        try (PDDocument pdf = Loader.loadPDF(new RandomAccessReadBuffer(input.openStream()))) {
            return extract(pdf, source, limits);
        } catch (InvalidPasswordException e) {
            throw new DocumentRejectedException(source, NAME, RejectionReason.ENCRYPTED,
                    "the PDF is encrypted and opens only with a password", e);
        } catch (IOException e) {
            throw new DocumentRejectedException(source, NAME, RejectionReason.CORRUPT,
                    "not a readable PDF: " + e.getMessage(), e);
        }
    }

    private static Document extract(PDDocument pdf, DocumentSource source, ParseLimits limits) throws IOException {
        int pages = pdf.getNumberOfPages();
        if (pages == 0) {
            throw new DocumentRejectedException(source, NAME, RejectionReason.EMPTY, "the PDF has no pages");
        }
        if (pages > limits.maxPages()) {
            throw new DocumentRejectedException(source, NAME, RejectionReason.TOO_MANY_PAGES, pages
                    + " pages exceed the limit of " + limits.maxPages() + " (ParseLimits.maxPages)");
        }
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setLineSeparator("\n");
        StringBuilder text = new StringBuilder();
        int[] starts = new int[pages + 1];
        for (int page = 1; page <= pages; page++) {
            starts[page - 1] = text.length();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            String pageText = stripper.getText(pdf).strip();
            text.append(pageText);
            if (page < pages) {
                // The separator belongs to the page before it, so pages cover the text without gaps.
                text.append("\n\n");
            }
            if (text.length() > limits.maxChars()) {
                throw new DocumentRejectedException(source, NAME, RejectionReason.TOO_LARGE, "the text of pages 1.."
                        + page + " is longer than " + limits.maxChars() + " characters (ParseLimits.maxChars)");
            }
        }
        starts[pages] = text.length();
        if (text.toString().isBlank()) {
            throw new DocumentRejectedException(source, NAME, RejectionReason.NO_TEXT, "none of the " + pages
                    + " pages has extractable text; a scanned PDF needs OCR before it can be indexed");
        }
        Document.Builder doc = Document.builder(source, NAME, text.toString());
        for (int page = 1; page <= pages; page++) {
            doc.page(new Page(page, starts[page - 1], starts[page]));
        }
        PDDocumentInformation info = pdf.getDocumentInformation();
        if (info != null && info.getTitle() != null && !info.getTitle().isBlank()) {
            doc.metadata("title", info.getTitle().strip());
        }
        if (info != null && info.getAuthor() != null && !info.getAuthor().isBlank()) {
            doc.metadata("author", info.getAuthor().strip());
        }
        doc.metadata("pages", (long) pages);
        return doc.build();
    }
}
