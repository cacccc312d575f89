package dev.aio.core.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenChunkerTest {

    private static final WordTokenizer TOKENIZER = new WordTokenizer();
    private static final DocumentSource SOURCE = DocumentSource.named("notes.txt", "text/plain");

    private static Document plain(String text) {
        return Document.builder(SOURCE, "text", text).build();
    }

    @ParameterizedTest(name = "seed {0}, max {1} tokens, overlap {2}")
    @CsvSource({"11, 64, 16", "12, 16, 4", "13, 5, 2", "14, 256, 0", "15, 2, 1"})
    void noChunkHasMoreTokensThanTheLimitAndOverlapsStayWithinTheirs(long seed, int max, int overlap) {
        Document document = plain(TestTexts.prose(seed, 1200));
        List<Chunk> chunks = new TokenChunker(TOKENIZER, "words-4", max, overlap).chunk(document);
        int overlapping = ChunkContract.check(document, chunks, TOKENIZER::count, max, overlap);
        if (overlap >= 4) {
            assertThat(overlapping).isGreaterThan(chunks.size() / 2);
        }
    }

    @Test
    void aWordLongerThanTheLimitIsCutOnTokenBoundaries() {
        String word = "abcdefghij".repeat(20);
        Document document = plain("short start " + word + " short end");
        List<Chunk> chunks = new TokenChunker(TOKENIZER, "words-4", 10, 0).chunk(document);
        ChunkContract.check(document, chunks, TOKENIZER::count, 10, 0);
        assertThat(chunks).extracting(c -> TOKENIZER.count(c.text())).contains(10);
        assertThat(chunks).anySatisfy(c -> assertThat(c.text()).isEqualTo(word.substring(0, 40)));
    }

    @Test
    void theTokenizerIdAndSizesEnterTheDescription() {
        Object a = new TokenChunker(TOKENIZER, "model-a", 128, 16).describe();
        assertThat(a).isEqualTo(Chunkers.tokens(TOKENIZER, "model-a", 128, 16).describe());
        assertThat(a).isNotEqualTo(new TokenChunker(TOKENIZER, "model-b", 128, 16).describe());
        assertThat(a).isNotEqualTo(new TokenChunker(TOKENIZER, "model-a", 128, 8).describe());
    }

    @Test
    void aTokenizerWithoutANameOrSizesOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new TokenChunker(TOKENIZER, " ", 10, 0)).hasMessageContaining("tokenizerId");
        assertThatThrownBy(() -> new TokenChunker(TOKENIZER, "t", 10, -1))
                .hasMessageContaining("overlapTokens must be from 0 to maxTokens - 1 (9), got -1");
    }
}
