package dev.aio.benchmarks;

import dev.aio.core.model.Tokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark texts built from {@code corpus/sentences.txt}: 80 English sentences written for this
 * project (no copied text). Queries are single sentences; chunks are runs of sentences cut to an
 * exact token count with the model's own tokenizer, so every chunk costs the model the same.
 */
final class Corpus {

    private Corpus() {
    }

    /** The sentences, in file order. */
    static List<String> sentences() {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/sentences.txt")) {
            if (in == null) {
                throw new IllegalStateException("corpus/sentences.txt is missing from the benchmarks jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sentences of {@code min} to {@code max} tokens (special tokens included). */
    static List<String> queries(Tokenizer tokenizer, int min, int max) {
        List<String> out = new ArrayList<>();
        for (String s : sentences()) {
            int n = tokenizer.count(s) + tokenizer.specialTokens();
            if (n >= min && n <= max) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * {@code count} chunks of exactly {@code tokens} tokens (special tokens included), each a run
     * of sentences starting at a different place and cut on a token boundary; a {@code tokens}
     * of 0 gives single sentences instead ("short" chunks).
     */
    static List<String> chunks(Tokenizer tokenizer, int count, int tokens) {
        List<String> s = sentences();
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (tokens == 0) {
                out.add(s.get(i % s.size()));
                continue;
            }
            StringBuilder b = new StringBuilder();
            // A stride coprime with the sentence count makes each chunk a different mix.
            for (int k = 0; tokenizer.count(b.toString()) < tokens; k++) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(s.get((i * 11 + k * 7) % s.size()));
            }
            out.add(tokenizer.split(b.toString(), tokens - tokenizer.specialTokens(), 0).get(0).text());
        }
        return out;
    }
}
