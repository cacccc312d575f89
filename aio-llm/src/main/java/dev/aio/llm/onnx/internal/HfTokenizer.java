package dev.aio.llm.onnx.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import dev.aio.core.model.ModelException;
import dev.aio.core.model.TextWindow;
import dev.aio.core.model.Tokenizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Hugging Face tokenizer ({@code tokenizer.json}) behind aio's {@link Tokenizer}, plus the
 * truncating batch encoding the embedder feeds its model with. Thread-safe: the native
 * tokenizer is immutable once built.
 */
public final class HfTokenizer implements Tokenizer, AutoCloseable {

    private final HuggingFaceTokenizer plain;
    private final HuggingFaceTokenizer truncating;
    private final int specialTokens;

    /**
     * Builds both tokenizers from one {@code tokenizer.json}.
     *
     * @param tokenizerJson the file's bytes
     * @param maxTokens where the model's encoding truncates, special tokens included
     * @param modelName for error messages
     * @throws ModelException when the file cannot be parsed
     */
    public HfTokenizer(byte[] tokenizerJson, int maxTokens, String modelName) {
        try {
            // The shipped file pads and truncates at 128; both are overridden: padding is ours.
            this.plain = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson),
                    Map.of("truncation", "false", "padding", "false"));
            this.truncating = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson),
                    Map.of("truncation", "true", "padding", "false", "maxLength", String.valueOf(maxTokens)));
        } catch (IOException | RuntimeException e) {
            throw new ModelException("OnnxEmbedder: cannot load the tokenizer of " + modelName + ": " + e.getMessage(), e);
        }
        this.specialTokens = plain.encode("", true, false).getIds().length;
    }

    /**
     * Encodes texts for the model, in parallel in the native tokenizer: special tokens added,
     * truncated to the token limit, not padded.
     *
     * @param texts the texts
     * @return token ids per text
     */
    public long[][] encodeForModel(List<String> texts) {
        if (texts.size() == 1) {
            // A lone query skips the native thread pool that batch encoding hands work to.
            return new long[][] {truncating.encode(texts.get(0)).getIds()};
        }
        Encoding[] encodings = truncating.batchEncode(texts);
        long[][] ids = new long[encodings.length][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = encodings[i].getIds();
        }
        return ids;
    }

    @Override
    public int count(String text) {
        return plain.encode(Objects.requireNonNull(text, "text"), false, false).getIds().length;
    }

    @Override
    public int[] encode(String text) {
        long[] ids = plain.encode(Objects.requireNonNull(text, "text"), false, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = Math.toIntExact(ids[i]);
        }
        return out;
    }

    @Override
    public List<TextWindow> split(String text, int maxTokens, int overlapTokens) {
        Objects.requireNonNull(text, "text");
        if (maxTokens < 1) {
            throw new IllegalArgumentException("Tokenizer.split: maxTokens must be >= 1, got " + maxTokens);
        }
        if (overlapTokens < 0 || overlapTokens >= maxTokens) {
            throw new IllegalArgumentException("Tokenizer.split: overlapTokens must be in [0, maxTokens - 1] = [0, "
                    + (maxTokens - 1) + "], got " + overlapTokens);
        }
        CharSpan[] spans = plain.encode(text, false, false).getCharTokenSpans();
        List<TextWindow> windows = new ArrayList<>();
        boolean surrogates = text.length() != text.codePointCount(0, text.length());
        int step = maxTokens - overlapTokens;
        for (int from = 0; from < spans.length; from += step) {
            int to = Math.min(spans.length, from + maxTokens);
            // The native tokenizer reports offsets in code points; Java strings index UTF-16 units.
            int start = charIndex(text, spans[from].getStart(), surrogates);
            int end = charIndex(text, spans[to - 1].getEnd(), surrogates);
            windows.add(new TextWindow(text.substring(start, end), start, end, to - from));
            if (to == spans.length) {
                break;
            }
        }
        return windows;
    }

    private static int charIndex(String text, int codePoint, boolean surrogates) {
        return surrogates ? text.offsetByCodePoints(0, codePoint) : codePoint;
    }

    @Override
    public int specialTokens() {
        return specialTokens;
    }

    @Override
    public void close() {
        plain.close();
        truncating.close();
    }
}
