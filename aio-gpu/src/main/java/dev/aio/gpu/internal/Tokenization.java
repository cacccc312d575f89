package dev.aio.gpu.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.aio.core.model.ModelException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The model's Hugging Face tokenizer, encoding texts as the model expects them: special tokens
 * added, truncated at the token limit, not padded (padding is per device batch). The same
 * settings as aio-llm's {@code OnnxEmbedder} (the shipped file's own 128-token truncation and
 * padding are overridden), so both embedders see the same tokens. Thread-safe.
 */
public final class Tokenization implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;

    /**
     * @param tokenizerJson the {@code tokenizer.json} bytes
     * @param maxTokens where texts are cut, special tokens included
     * @throws ModelException when the file cannot be parsed
     */
    public Tokenization(byte[] tokenizerJson, int maxTokens) {
        try {
            this.tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson),
                    Map.of("truncation", "true", "padding", "false", "maxLength", String.valueOf(maxTokens)));
        } catch (IOException | RuntimeException e) {
            throw new ModelException("DjlEmbedder: cannot load the tokenizer: " + e.getMessage(), e);
        }
    }

    /**
     * @param texts the texts
     * @return token ids per text, special tokens included
     */
    public long[][] encode(List<String> texts) {
        if (texts.size() == 1) {
            // A lone text skips the native thread pool that batch encoding hands work to.
            return new long[][] {tokenizer.encode(texts.get(0)).getIds()};
        }
        Encoding[] encodings = tokenizer.batchEncode(texts);
        long[][] ids = new long[encodings.length][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = encodings[i].getIds();
        }
        return ids;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
