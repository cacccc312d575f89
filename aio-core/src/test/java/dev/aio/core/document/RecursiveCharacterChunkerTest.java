package dev.aio.core.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecursiveCharacterChunkerTest {

    private static final DocumentSource SOURCE = DocumentSource.named("notes.txt", "text/plain");

    private static Document plain(String text) {
        return Document.builder(SOURCE, "text", text).build();
    }

    @Test
    void wordsAreKeptWholeAndEachChunkRepeatsTheLastWordsOfThePreviousOne() {
        List<Chunk> chunks = new RecursiveCharacterChunker(20, 8)
                .chunk(plain("one two three four five six seven eight nine ten"));
        assertThat(chunks).extracting(Chunk::text)
                .containsExactly("one two three four", "four five six seven", "seven eight nine ten");
        assertThat(chunks).extracting(Chunk::start).containsExactly(0, 14, 28);
    }

    @Test
    void paragraphsAreCutBeforeSentencesAndSentencesBeforeWords() {
        String text = "First paragraph is here. It has two sentences.\n\nSecond one.";
        List<Chunk> chunks = new RecursiveCharacterChunker(30, 0).chunk(plain(text));
        assertThat(chunks).extracting(Chunk::text)
                .containsExactly("First paragraph is here.", "It has two sentences.", "Second one.");
    }

    @ParameterizedTest(name = "seed {0}, max {1}, overlap {2}")
    @CsvSource({"1, 200, 40", "2, 50, 10", "3, 13, 5", "4, 500, 0", "5, 30, 29", "6, 3, 1"})
    void chunksOfVariedTextKeepTheContract(long seed, int max, int overlap) {
        Document document = plain(TestTexts.prose(seed, 1500));
        List<Chunk> chunks = new RecursiveCharacterChunker(max, overlap).chunk(document);
        int overlapping = ChunkContract.check(document, chunks, String::length, max, overlap);
        if (overlap >= 10) {
            // Words are short beside these overlaps, so most neighbours share some.
            assertThat(overlapping).isGreaterThan(chunks.size() / 2);
        }
        if (overlap == 0) {
            assertThat(overlapping).isZero();
        }
    }

    @Test
    void aHardCutNeverSplitsASurrogatePair() {
        String emoji = "😀".repeat(40);
        List<Chunk> chunks = new RecursiveCharacterChunker(3, 0).chunk(plain(emoji));
        ChunkContract.check(plain(emoji), chunks, String::length, 3, 0);
        for (Chunk c : chunks) {
            byte[] utf8 = c.text().getBytes(StandardCharsets.UTF_8);
            assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(c.text());
        }
    }

    @Test
    void chunksStayInsideSectionsAndCarryTheirHeadingPathAndMetadata() {
        String text = "Preamble words here.\n# Intro\nAlpha beta gamma delta.\n## Setup\nEpsilon zeta eta theta iota.";
        Document document = new MarkdownParser().parse(DocumentInput.of(DocumentSource.named("guide.md", null),
                text.getBytes(StandardCharsets.UTF_8)), ParseLimits.DEFAULTS);
        List<Chunk> chunks = new RecursiveCharacterChunker(25, 6).chunk(document);
        ChunkContract.check(document, chunks, String::length, 25, 6);
        assertThat(chunks.get(0).text()).isEqualTo("Preamble words here.");
        assertThat(chunks.get(0).metadata()).containsOnly(org.assertj.core.api.Assertions.entry("title", "Intro"));
        assertThat(chunks).filteredOn(c -> c.text().contains("Epsilon"))
                .allSatisfy(c -> assertThat(c.metadata()).containsEntry(Chunk.SECTION_KEY, List.of("Intro", "Setup")));
        assertThat(chunks).filteredOn(c -> c.text().contains("Alpha"))
                .allSatisfy(c -> assertThat(c.metadata()).containsEntry(Chunk.SECTION_KEY, List.of("Intro")));
    }

    @Test
    void aChunkThatCrossesAPageBreakNamesBothPages() {
        String text = "page one text\n\npage two text here";
        Document document = Document.builder(SOURCE, "pdf", text).page(new Page(1, 0, 15))
                .page(new Page(2, 15, text.length())).build();
        List<Chunk> one = new RecursiveCharacterChunker(100, 0).chunk(document);
        assertThat(one).singleElement().satisfies(c -> {
            assertThat(c.firstPage()).isEqualTo(1);
            assertThat(c.lastPage()).isEqualTo(2);
        });
        List<Chunk> small = new RecursiveCharacterChunker(14, 0).chunk(document);
        assertThat(small).extracting(Chunk::firstPage).containsExactly(1, 2, 2);
        ChunkContract.check(document, small, String::length, 14, 0);
    }

    @Test
    void aDocumentOfWhitespaceHasNoChunks() {
        assertThat(new RecursiveCharacterChunker(10, 2).chunk(plain(" \n\n\t "))).isEmpty();
    }

    @Test
    void sizesOutOfRangeAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> new RecursiveCharacterChunker(0, 0)).hasMessageContaining("maxChars must be at least 1, got 0");
        assertThatThrownBy(() -> new RecursiveCharacterChunker(10, 10)).hasMessageContaining("overlapChars must be from 0 to maxChars - 1 (9), got 10");
        assertThatThrownBy(() -> new RecursiveCharacterChunker(10, 1, List.of("\n", ""))).hasMessageContaining("separators must not be empty");
    }

    @Test
    void theDescriptionFollowsTheSettingsAndNothingElse() {
        assertThat(new RecursiveCharacterChunker(100, 10).describe()).isEqualTo(Chunkers.characters(100, 10).describe());
        assertThat(new RecursiveCharacterChunker(100, 10).describe()).isNotEqualTo(new RecursiveCharacterChunker(100, 11).describe());
    }
}
