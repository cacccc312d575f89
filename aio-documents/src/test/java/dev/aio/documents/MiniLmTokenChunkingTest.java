package dev.aio.documents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.document.Chunk;
import dev.aio.core.document.Document;
import dev.aio.core.document.DocumentInput;
import dev.aio.core.document.DocumentSource;
import dev.aio.core.document.Parsers;
import dev.aio.core.document.TokenChunker;
import dev.aio.core.model.Tokenizer;
import dev.aio.llm.onnx.MiniLmModel;
import dev.aio.llm.onnx.OnnxEmbedder;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Token-sized chunks of a real PDF fit the real MiniLM tokenizer's budget, special tokens included. */
class MiniLmTokenChunkingTest {

    private static OnnxEmbedder embedder;

    @BeforeAll
    static void start() {
        embedder = OnnxEmbedder.builder().model(MiniLmModel.ALL_MINILM_L6_V2).sessions(1).build();
    }

    @AfterAll
    static void stop() {
        embedder.close();
    }

    private static String page(Random random) {
        String[] words = {"Tokenization", "splits", "unfamiliar", "words", "like", "photosynthesis", "into", "pieces,",
            "while", "numbers", "such", "as", "1,234.56", "and", "punctuation", "(like", "this)", "count", "too."};
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 30; line++) {
            for (int w = 0; w < 9; w++) {
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            text.append('\n');
        }
        return text.toString();
    }

    @Test
    void noChunkExceedsTheEmbeddersTokenLimitAndOffsetsPointIntoThePdfText() {
        Random random = new Random(7);
        byte[] pdf = Pdfs.pages("Tokens", page(random), page(random), page(random));
        Document d = Parsers.standard().parse(DocumentInput.of(DocumentSource.named("tokens.pdf", null), pdf));
        Tokenizer tokenizer = embedder.tokenizer();
        int budget = 64;
        TokenChunker chunker = new TokenChunker(tokenizer, embedder.modelId(), budget - tokenizer.specialTokens(), 12);
        List<Chunk> chunks = chunker.chunk(d);

        assertThat(chunks).hasSizeGreaterThan(10);
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            assertThat(c.text()).isEqualTo(d.text().substring(c.start(), c.end()));
            assertThat(tokenizer.count(c.text()) + tokenizer.specialTokens()).isLessThanOrEqualTo(budget);
            assertThat(c.firstPage()).isBetween(1, 3);
            if (i > 0 && c.start() < chunks.get(i - 1).end()) {
                assertThat(tokenizer.count(d.text().substring(c.start(), chunks.get(i - 1).end()))).isLessThanOrEqualTo(12);
            }
        }
        assertThat(chunks).extracting(Chunk::firstPage).contains(1, 2, 3);
        // Chunks are filled: most come within a few tokens of the budget.
        long nearlyFull = chunks.stream().filter(c -> tokenizer.count(c.text()) >= budget - 2 - 12).count();
        assertThat(nearlyFull).isGreaterThan(chunks.size() / 2);
    }
}
