package dev.aio.core.ingest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aio.core.document.Chunker;
import dev.aio.core.document.DocumentParser;
import dev.aio.core.document.DocumentSource;
import dev.aio.core.document.NoParserFoundException;
import dev.aio.core.document.Parsers;
import dev.aio.core.model.Embedder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The content fingerprint of an object: a SHA-256 of what shapes its chunks and vectors, namely
 * the parser that reads it (and the parse limits), the chunker's settings and the embedder's
 * model, revision and dimensions. Runtime settings (concurrency, batch sizes, policies) are left
 * out: they change how fast the index is built, not what is in it.
 *
 * <p>The parser is the one {@link Parsers#parserFor} picks from the object's listing entry, so
 * the fingerprint needs no download, and adding a PDF parser re-processes PDFs only.
 */
public final class ContentFingerprints {

    /** Bumped when the ingestor changes what it writes per chunk, to re-process everything. */
    static final int FORMAT = 1;

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Parsers parsers;
    private final Object chunker;
    private final Object embedder;
    private final Map<String, String> byParser = new ConcurrentHashMap<>();

    /**
     * @param parsers the parser registry
     * @param chunker the chunker
     * @param embedder the embedder
     */
    public ContentFingerprints(Parsers parsers, Chunker chunker, Embedder embedder) {
        this.parsers = parsers;
        this.chunker = chunker.describe();
        this.embedder = embedder.describe();
    }

    /**
     * @param source the object, as listed
     * @return its content fingerprint, 64 hex digits
     */
    public String of(DocumentSource source) {
        DocumentParser parser;
        try {
            parser = parsers.parserFor(source);
        } catch (NoParserFoundException e) {
            parser = null;
        }
        DocumentParser chosen = parser;
        return byParser.computeIfAbsent(chosen == null ? "" : chosen.name(), name -> compute(chosen));
    }

    private String compute(DocumentParser parser) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("format", FORMAT);
        spec.put("parser", parser == null ? "none" : parser.describe());
        spec.put("limits", parsers.limits());
        spec.put("chunker", chunker);
        spec.put("embedder", embedder);
        try {
            byte[] canonical = CANONICAL.writeValueAsString(spec).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Ingestor: a parser, chunker or embedder describe() returned "
                    + "something that is not JSON-serialisable: " + e.getOriginalMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks SHA-256, which every Java platform must provide", e);
        }
    }
}
