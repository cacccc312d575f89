package dev.aio.core.document;

import dev.aio.core.pipeline.Describable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns the bytes of one object into a {@link Document}. Implementations are immutable and
 * thread-safe; {@link Parsers} chooses among them by {@link #mediaTypes()}, then by
 * {@link #extensions()}.
 *
 * <p>A parser refuses input it cannot take with a {@link DocumentRejectedException} naming the
 * {@link RejectionReason}, never with a bare runtime exception, and never quietly replaces what
 * it cannot read. Text formats use {@link TextDecoding} for charset, binary and size checks.
 *
 * <p>Parsers in other modules can be found by {@link java.util.ServiceLoader}: list them in
 * {@code META-INF/services/dev.aio.core.document.DocumentParser} and give them a public no-arg
 * constructor; see {@link ParsersBuilder#addInstalled()}.
 */
public interface DocumentParser extends Describable {

    /**
     * A short, stable name, unique in a registry: it appears in errors and in the pipeline's
     * fingerprint.
     *
     * @return for example {@code "markdown"}
     */
    String name();

    /**
     * The media types this parser reads, lower case, without parameters.
     *
     * @return for example {@code ["text/markdown"]}
     */
    Set<String> mediaTypes();

    /**
     * The file extensions this parser reads, lower case, without the dot.
     *
     * @return for example {@code ["md", "markdown"]}
     */
    Set<String> extensions();

    /**
     * Parses one object.
     *
     * @param input the bytes, already within {@link ParseLimits#maxBytes()}
     * @param limits the limits to hold the document to
     * @return the document
     * @throws DocumentRejectedException when the input is empty, malformed or over a limit
     */
    Document parse(DocumentInput input, ParseLimits limits);

    /**
     * Describes the parser's settings for the pipeline fingerprint. Parsers with settings that
     * change their output (which JSON fields are text) override this and add them.
     *
     * @return an ordered map with at least the name and the implementing class
     */
    @Override
    default Object describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("parser", name());
        d.put("class", getClass().getName());
        return d;
    }
}
