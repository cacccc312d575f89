package dev.aio.core.pipeline;

import java.time.Duration;
import java.util.Map;

/**
 * Prints the fingerprint of {@link #definition()}; {@link PipelineIntrospectionTest} runs it in a
 * child JVM to prove that fingerprints are the same in every JVM run.
 */
public final class FingerprintMain {

    private FingerprintMain() {
    }

    /** A chunker-like function whose configuration belongs in the fingerprint. */
    record Chunker(int size, int overlap) implements StageFunction<String, Iterable<String>>, Describable {
        @Override
        public Iterable<String> apply(String text) {
            return java.util.List.of(text);
        }

        @Override
        public Object describe() {
            // Map.of iterates in an order salted per JVM run: the fingerprint must not depend on it.
            return Map.of("type", "tokens", "size", size, "overlap", overlap, "model", "minilm",
                    "revision", "r1", "dimensions", 384, "normalise", true,
                    "options", Map.of("lowercase", false, "stripHtml", true, "language", "en"));
        }
    }

    /** The pipeline definition both JVMs fingerprint. */
    static Pipeline<String, Void> definition() {
        return Pipeline.from(String.class)
                .named("ingest")
                .map("parse", String::strip).io().concurrency(4)
                .flatMap("chunk", new Chunker(256, 32))
                .filter("non-empty", s -> !s.isEmpty())
                .batch("group", 64, Duration.ofMillis(20))
                .map("embed", batch -> batch)
                .policy(StepPolicy.named("openai").withRetry(5).timeout(Duration.ofSeconds(30))
                        .rateLimit(50, Duration.ofSeconds(1)).circuitBreaker(50, 20, Duration.ofSeconds(30)))
                .unbatch("split")
                .map("tag", String::valueOf).cached(s -> s, CacheSpec.maximumSize(1000)
                        .expireAfterWrite(Duration.ofHours(1)))
                .sink("store", s -> { })
                .build();
    }

    /**
     * Prints the fingerprint on one line.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (Pipeline<String, Void> pipeline = definition()) {
            System.out.println(pipeline.fingerprint());
        }
    }
}
