package dev.aio.core.document;

import dev.aio.core.pipeline.Describable;
import dev.aio.core.pipeline.StageFunction;
import java.util.List;

/**
 * Cuts a document into chunks. Use one as a pipeline's flatMap stage:
 * {@code .flatMap("chunk", Chunkers.characters(1000, 100))}; being {@link Describable}, its
 * settings enter the pipeline's fingerprint. Implementations are immutable and thread-safe.
 *
 * <p>Contract: chunks come in text order, indexed from 0; each chunk's text is
 * {@code document.text().substring(start, end)}, with no leading or trailing whitespace; no chunk
 * crosses a {@link Section} boundary; together the chunks cover every non-whitespace character
 * of the document; neighbours overlap by at most the configured overlap.
 */
public interface Chunker extends StageFunction<Document, List<Chunk>>, Describable {

    /**
     * Cuts one document.
     *
     * @param document the document
     * @return its chunks, possibly none for a document of whitespace only
     */
    List<Chunk> chunk(Document document);

    /** Same as {@link #chunk}, for use as a pipeline stage. */
    @Override
    default List<Chunk> apply(Document document) {
        return chunk(document);
    }
}
