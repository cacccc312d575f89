package dev.aio.core.document;

import dev.aio.core.model.TextWindow;
import dev.aio.core.model.Tokenizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cuts documents into chunks of at most {@code maxTokens} tokens of an embedder's own
 * {@link Tokenizer}, preferring the same boundaries as {@link RecursiveCharacterChunker}
 * (paragraphs, lines, sentences, words) and, as a last resort, cutting on token boundaries with
 * {@link Tokenizer#split}. Neighbours share up to {@code overlapTokens} tokens of whole words.
 * See {@link Chunker} for the contract. Immutable and thread-safe when the tokenizer is.
 *
 * <p>Tokens are counted as {@link Tokenizer#count} does, without special tokens: to fit an
 * embedder that takes {@code L} tokens, special tokens included, use
 * {@code maxTokens = L - tokenizer.specialTokens()}. Every chunk's exact text is counted, so the
 * limit holds even though token counts of joined texts are not always the sum of their parts.
 */
public final class TokenChunker implements Chunker {

    private final Tokenizer tokenizer;
    private final String tokenizerId;
    private final int maxTokens;
    private final int overlapTokens;
    private final List<String> separators;
    private final RecursiveSplitter splitter;

    /**
     * Creates the chunker with {@link RecursiveCharacterChunker#DEFAULT_SEPARATORS}.
     *
     * @param tokenizer the embedder's tokenizer
     * @param tokenizerId a stable name for the tokenizer (the embedder's model id), for the fingerprint
     * @param maxTokens the most tokens in one chunk, at least 1
     * @param overlapTokens the most tokens neighbours share, from 0 to {@code maxTokens - 1}
     * @throws IllegalArgumentException when a size is out of range or the id is blank
     */
    public TokenChunker(Tokenizer tokenizer, String tokenizerId, int maxTokens, int overlapTokens) {
        this(tokenizer, tokenizerId, maxTokens, overlapTokens, RecursiveCharacterChunker.DEFAULT_SEPARATORS);
    }

    /**
     * Creates the chunker.
     *
     * @param tokenizer the embedder's tokenizer
     * @param tokenizerId a stable name for the tokenizer (the embedder's model id), for the fingerprint
     * @param maxTokens the most tokens in one chunk, at least 1
     * @param overlapTokens the most tokens neighbours share, from 0 to {@code maxTokens - 1}
     * @param separators where to cut, most preferred first; none may be empty
     * @throws IllegalArgumentException when a size is out of range, the id is blank or a separator empty
     */
    public TokenChunker(Tokenizer tokenizer, String tokenizerId, int maxTokens, int overlapTokens,
            List<String> separators) {
        this.tokenizer = Objects.requireNonNull(tokenizer, "tokenizer");
        if (tokenizerId == null || tokenizerId.isBlank()) {
            throw new IllegalArgumentException("TokenChunker: tokenizerId must name the tokenizer (for example the "
                    + "embedder's model id) so the pipeline fingerprint changes with it");
        }
        ChunkSizes.check("TokenChunker", "maxTokens", maxTokens, "overlapTokens", overlapTokens);
        this.tokenizerId = tokenizerId;
        this.maxTokens = maxTokens;
        this.overlapTokens = overlapTokens;
        this.separators = ChunkSizes.separators("TokenChunker", separators);
        this.splitter = new RecursiveSplitter(this.separators, maxTokens, overlapTokens,
                (text, start, end) -> tokenizer.count(text.substring(start, end)), this::hardCut);
    }

    private List<int[]> hardCut(String text, int start, int end, int max) {
        List<int[]> ranges = new ArrayList<>();
        for (TextWindow w : tokenizer.split(text.substring(start, end), max, 0)) {
            ranges.add(new int[] {start + w.start(), start + w.end()});
        }
        return ranges;
    }

    @Override
    public List<Chunk> chunk(Document document) {
        return ChunkAssembly.chunks(document, splitter);
    }

    /** @return the most tokens in one chunk, special tokens excluded */
    public int maxTokens() {
        return maxTokens;
    }

    /** @return the most tokens neighbouring chunks share */
    public int overlapTokens() {
        return overlapTokens;
    }

    @Override
    public Object describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("chunker", "recursive-tokens");
        d.put("tokenizer", tokenizerId);
        d.put("maxTokens", maxTokens);
        d.put("overlapTokens", overlapTokens);
        d.put("separators", separators);
        return d;
    }

    @Override
    public String toString() {
        return "TokenChunker[" + tokenizerId + ", maxTokens=" + maxTokens + ", overlapTokens=" + overlapTokens + "]";
    }
}
