package dev.aio.spring.boot.internal;

import dev.aio.core.document.Chunker;
import dev.aio.core.document.Chunkers;
import dev.aio.core.model.Embedder;
import dev.aio.core.model.ModelException;
import dev.aio.core.model.Tokenizer;
import dev.aio.llm.onnx.MiniLmModel;
import dev.aio.llm.onnx.OnnxEmbedder;
import dev.aio.llm.onnx.OnnxEmbedderBuilder;
import dev.aio.spring.boot.AioProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/** Builds the in-process embedder ({@code aio.embedder.*}) and the chunker ({@code aio.chunker.*}). */
public final class Models {

    /** Characters per token assumed for an embedder that has no tokenizer of its own. */
    static final int CHARS_PER_TOKEN = 4;

    private Models() {
    }

    /**
     * @param p the properties
     * @return the MiniLM embedder, loaded; the caller closes it
     */
    public static OnnxEmbedder embedder(AioProperties.Embedder p) {
        OnnxEmbedderBuilder b = OnnxEmbedder.builder();
        if (p.quantized()) {
            b.model(MiniLmModel.ALL_MINILM_L6_V2_Q);
        }
        if (p.sessions() != null) {
            Props.apply("aio.embedder.sessions", p.sessions(), () -> b.sessions(p.sessions()));
        }
        if (p.intraOpThreads() != null) {
            Props.apply("aio.embedder.intra-op-threads", p.intraOpThreads(), () -> b.intraOpThreads(p.intraOpThreads()));
        }
        if (p.spinning() != null) {
            b.spinning(p.spinning());
        }
        try {
            return b.build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // The builder refuses only combinations of sessions and threads once it builds.
            throw new InvalidConfigurationPropertyValueException("aio.embedder.sessions", p.sessions(), e.getMessage());
        } catch (ModelException e) {
            if (p.quantized()) {
                // Most likely the optional int8 model jar is missing; the message names the artifact.
                throw new InvalidConfigurationPropertyValueException("aio.embedder.quantized", true, e.getMessage());
            }
            throw e;
        }
    }

    /**
     * Token windows counted by the embedder's own tokenizer when it has one (MiniLM), so no
     * chunk is cut short by the model's input limit; otherwise about four characters a token.
     *
     * @param p the properties
     * @param embedder the embedder the chunks are for
     * @return the chunker
     */
    public static Chunker chunker(AioProperties.Chunker p, Embedder embedder) {
        if (p.maxTokens() < 1 || p.maxTokens() > embedder.maxTokens()) {
            throw new InvalidConfigurationPropertyValueException(
                    "aio.chunker.max-tokens", p.maxTokens(), "it must be between 1 and the embedder's limit, "
                            + embedder.maxTokens() + " tokens (" + embedder.modelId() + ")");
        }
        if (embedder.modelTokenizer().isPresent()) {
            Tokenizer tokenizer = embedder.modelTokenizer().get();
            int max = p.maxTokens() - tokenizer.specialTokens();
            return Props.apply("aio.chunker.overlap-tokens", p.overlapTokens(),
                    () -> Chunkers.tokens(tokenizer, embedder.modelId(), max, p.overlapTokens()));
        }
        return Props.apply("aio.chunker.overlap-tokens", p.overlapTokens(), () -> Chunkers.characters(
                p.maxTokens() * CHARS_PER_TOKEN, p.overlapTokens() * CHARS_PER_TOKEN));
    }
}
