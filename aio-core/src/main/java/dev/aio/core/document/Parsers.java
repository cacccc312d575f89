package dev.aio.core.document;

import dev.aio.core.pipeline.Describable;
import dev.aio.core.pipeline.StageFunction;
import dev.aio.core.storage.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A registry of {@link DocumentParser}s that picks one for each object and holds every object to
 * the same {@link ParseLimits}. Use it as a pipeline's parse stage:
 * {@code .map("parse", Parsers.standard())}. Immutable and thread-safe.
 *
 * <p><b>Selection.</b> The first parser, in registration order, whose {@link
 * DocumentParser#mediaTypes()} hold the object's media type; when none does, or the object has
 * no specific type ({@code application/octet-stream} and its kin are ignored), the first whose
 * {@link DocumentParser#extensions()} hold the key's extension. When neither finds one the
 * object is refused with a {@link NoParserFoundException} listing every parser and what it takes.
 *
 * <p><b>Bounded reading.</b> An object whose listed size is over {@link ParseLimits#maxBytes()}
 * is refused without being opened; otherwise at most {@code maxBytes + 1} bytes are read, so an
 * object larger than its listing claims is refused too, and never fills the heap.
 *
 * <p><b>Errors.</b> Bad input fails with a {@link DocumentRejectedException} (non-retriable);
 * a failure to read from the store passes through unchanged, an {@link IOException} as an
 * {@link UncheckedIOException}, so the stage's retry policy decides about it. A parser that
 * throws anything else is reported as a {@link RejectionReason#CORRUPT} rejection naming it:
 * a parser library's internal error on malformed input must fail that object alone.
 */
public final class Parsers implements StageFunction<StoredObject, Document>, Describable {

    /** Content types that say nothing about the format and so never decide the parser. */
    static final Set<String> GENERIC_MEDIA_TYPES = Set.of("application/octet-stream", "binary/octet-stream",
            "application/binary", "application/unknown");

    private final List<DocumentParser> parsers;
    private final ParseLimits limits;

    Parsers(List<DocumentParser> parsers, ParseLimits limits) {
        this.parsers = List.copyOf(parsers);
        this.limits = limits;
    }

    /** @return a builder with no parsers and {@link ParseLimits#DEFAULTS} */
    public static ParsersBuilder builder() {
        return new ParsersBuilder();
    }

    /**
     * The parsers of aio-core (text, Markdown, JSON, JSON Lines) followed by those installed on
     * the class path (HTML and PDF when aio-documents is there), with the default limits.
     *
     * @return the registry
     */
    public static Parsers standard() {
        return builder().addCoreParsers().addInstalled().build();
    }

    /** @return the parsers in the order they are tried */
    public List<DocumentParser> parsers() {
        return parsers;
    }

    /** @return the limits every object is held to */
    public ParseLimits limits() {
        return limits;
    }

    /** @return a builder holding this registry's parsers and limits, to derive a variant */
    public ParsersBuilder toBuilder() {
        ParsersBuilder b = builder().limits(limits);
        parsers.forEach(b::add);
        return b;
    }

    /**
     * Reads and parses one stored object.
     *
     * @param object the object
     * @return its document
     * @throws DocumentRejectedException when the object is bad input (see the class comment)
     * @throws UncheckedIOException when reading from the store fails
     */
    @Override
    public Document apply(StoredObject object) {
        return parse(object);
    }

    /**
     * Reads and parses one stored object; see {@link #apply}.
     *
     * @param object the object
     * @return its document
     */
    public Document parse(StoredObject object) {
        DocumentSource source = DocumentSource.of(object);
        DocumentParser parser = select(DocumentInput.mediaTypeOf(source.contentType()), source);
        if (source.size() > limits.maxBytes()) {
            throw tooLarge(source, parser.name(), source.size() + " bytes exceed the limit of " + limits.maxBytes());
        }
        byte[] bytes;
        try (InputStream in = object.open()) {
            bytes = readAtMost(in, limits.maxBytes(), source, parser.name());
        } catch (IOException e) {
            throw new UncheckedIOException("Parsers: reading " + source.label() + " failed: " + e.getMessage(), e);
        }
        return run(parser, DocumentInput.wrap(source, bytes));
    }

    /**
     * Parses bytes already in memory.
     *
     * @param input the bytes and their source
     * @return the document
     * @throws DocumentRejectedException when the input is bad (see the class comment)
     */
    public Document parse(DocumentInput input) {
        DocumentParser parser = select(input.mediaType(), input.source());
        if (input.length() > limits.maxBytes()) {
            throw tooLarge(input.source(), parser.name(), input.length() + " bytes exceed the limit of "
                    + limits.maxBytes());
        }
        return run(parser, input);
    }

    /**
     * The parser this registry would use for a source, without reading it.
     *
     * @param source the object's identity, content type and key
     * @return the parser
     * @throws NoParserFoundException when none fits
     */
    public DocumentParser parserFor(DocumentSource source) {
        return select(DocumentInput.mediaTypeOf(source.contentType()), source);
    }

    private DocumentParser select(String mediaType, DocumentSource source) {
        if (mediaType != null && !GENERIC_MEDIA_TYPES.contains(mediaType)) {
            for (DocumentParser p : parsers) {
                if (p.mediaTypes().contains(mediaType)) {
                    return p;
                }
            }
        }
        String extension = source.extension();
        if (!extension.isEmpty()) {
            for (DocumentParser p : parsers) {
                if (p.extensions().contains(extension)) {
                    return p;
                }
            }
        }
        List<String> tried = new ArrayList<>();
        for (DocumentParser p : parsers) {
            tried.add(p.name() + " [" + String.join(", ", new TreeSet<>(p.mediaTypes())) + "; ."
                    + String.join(", .", new TreeSet<>(p.extensions())) + "]");
        }
        throw new NoParserFoundException(source, mediaType, extension, tried);
    }

    private Document run(DocumentParser parser, DocumentInput input) {
        Document document;
        try {
            document = parser.parse(input, limits);
        } catch (DocumentRejectedException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new DocumentRejectedException(input.source(), parser.name(), RejectionReason.CORRUPT,
                    "the parser failed on this input: " + e, e);
        }
        if (document == null) {
            throw new IllegalStateException("DocumentParser '" + parser.name() + "' returned null for "
                    + input.source().label() + "; a parser returns a document or throws DocumentRejectedException");
        }
        return document;
    }

    private DocumentRejectedException tooLarge(DocumentSource source, String parser, String detail) {
        return new DocumentRejectedException(source, parser, RejectionReason.TOO_LARGE, detail
                + " (ParseLimits.maxBytes); raise it with Parsers.builder().maxBytes(...) to accept larger objects");
    }

    private byte[] readAtMost(InputStream in, long maxBytes, DocumentSource source, String parser) throws IOException {
        // Read one byte past the limit: a store whose listing understates the size is caught here.
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw tooLarge(source, parser, "more than " + maxBytes + " bytes were read, over the limit");
        }
        return bytes;
    }

    /**
     * Describes the registry for the pipeline fingerprint: every parser's description, in order,
     * and the limits.
     *
     * @return an ordered map
     */
    @Override
    public Object describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        List<Object> described = new ArrayList<>();
        parsers.forEach(p -> described.add(p.describe()));
        d.put("parsers", described);
        d.put("limits", limits);
        return d;
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        parsers.forEach(p -> names.add(p.name()));
        return "Parsers" + names + " " + limits;
    }
}
