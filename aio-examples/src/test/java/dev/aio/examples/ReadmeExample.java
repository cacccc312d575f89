package dev.aio.examples;

import dev.aio.core.pipeline.Pipeline;
import dev.aio.core.pipeline.RunReport;
import dev.aio.core.pipeline.Slf4jPipelineListener;
import dev.aio.core.pipeline.StepPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The README's example, compiled and run by {@link ReadmeTest} so that it cannot rot. */
final class ReadmeExample {

    private ReadmeExample() {
    }

    static RunReport ingest(List<Path> files, List<String> store) {
        // README:start
        try (Pipeline<Path, Void> ingest = Pipeline.from(Path.class)
                .named("notes")
                .map("read", Files::readString).io().concurrency(4)
                .policy(StepPolicy.retry(3).timeout(Duration.ofSeconds(10)))
                .flatMap("paragraphs", text -> List.of(text.split("\n\n")))
                .filter("non-blank", paragraph -> !paragraph.isBlank())
                .batch("batches", 64, Duration.ofMillis(20))
                .sink("store", store::addAll)
                .listener(new Slf4jPipelineListener())
                .build()) {
            RunReport report = ingest.run(files);   // blocks; runAsync(files) returns a future
            System.out.println(report);             // per stage: in, out, filtered, dead-lettered
            System.out.println(ingest.describe());  // a Mermaid flowchart of the stages
            // README:end
            return report;
        }
    }
}
