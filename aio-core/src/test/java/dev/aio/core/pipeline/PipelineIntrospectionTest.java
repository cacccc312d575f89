package dev.aio.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aio.core.testing.ManualTimeSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** describe(), spec() and fingerprint() show what a pipeline does, stably. */
class PipelineIntrospectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A function whose configuration is part of the spec. */
    record Upper(int limit) implements StageFunction<String, String>, Describable {
        @Override
        public String apply(String s) {
            return s.toUpperCase(java.util.Locale.ROOT);
        }

        @Override
        public Object describe() {
            return Map.of("type", "upper", "limit", limit);
        }
    }

    // ---------------------------------------------------------------- describe()

    @Test
    void describeIsAMermaidFlowchartWithOneNodePerStageInOrder() {
        try (Pipeline<String, Void> pipeline = FingerprintMain.definition()) {
            String mermaid = pipeline.describe();
            List<String> lines = mermaid.lines().toList();
            assertThat(lines.get(0)).isEqualTo("flowchart LR");
            assertThat(lines.get(1)).isEqualTo("  source([\"String\"])");

            Pattern node = Pattern.compile("^  (s\\d+)\\W+\"(.*?)<br/>.*$");
            List<String> ids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String line : lines) {
                Matcher m = node.matcher(line);
                if (m.matches()) {
                    ids.add(m.group(1));
                    names.add(m.group(2));
                }
            }
            assertThat(names).containsExactly("parse", "chunk", "non-empty", "group", "embed", "split", "tag", "store");
            assertThat(ids).containsExactly("s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7");
            assertThat(lines).contains("  source --> s0", "  s0 --> s1", "  s6 --> s7");
            assertThat(lines.stream().filter(l -> l.contains("-->")).count()).isEqualTo(8);
        }
    }

    @Test
    void describeShowsEachStagesKindAndSettingsInItsShape() {
        try (Pipeline<String, Void> pipeline = FingerprintMain.definition()) {
            String mermaid = pipeline.describe();
            assertThat(mermaid).contains("s0[\"parse<br/><small>map · x4 · io</small>\"]");
            assertThat(mermaid).contains("s2{\"non-empty<br/><small>filter</small>\"}");
            assertThat(mermaid).contains("s3[[\"group<br/><small>batch · 64 / 20 ms</small>\"]]");
            assertThat(mermaid).contains("s4[\"embed<br/><small>map · openai: retry 5, timeout PT30S");
            assertThat(mermaid).contains("s6[\"tag<br/><small>map · cached</small>\"]");
            assertThat(mermaid).contains("s7[(\"store<br/><small>sink</small>\")]");
        }
    }

    @Test
    void describeEscapesQuotesAngleBracketsAndAmpersandsInStageNames() {
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class)
                .map("say \"hi\" <b>&co", s -> s).build()) {
            String nodeLine = pipeline.describe().lines().filter(l -> l.startsWith("  s0")).findFirst().orElseThrow();
            assertThat(nodeLine).contains("say #quot;hi#quot; #lt;b#gt;#amp;co<br/>");
            assertThat(nodeLine.chars().filter(c -> c == '"').count())
                    .as("only the two quotes that delimit the label").isEqualTo(2);
        }
    }

    // ---------------------------------------------------------------- spec()

    @Test
    void specIsJsonWithEveryStageKindPolicyCacheAndBatchSetting() throws IOException {
        try (Pipeline<String, Void> pipeline = FingerprintMain.definition()) {
            JsonNode spec = JSON.readTree(pipeline.spec());
            assertThat(spec.get("pipeline").asText()).isEqualTo("ingest");
            assertThat(spec.get("input").asText()).isEqualTo("java.lang.String");
            assertThat(spec.get("failFast").asBoolean()).isFalse();
            JsonNode stages = spec.get("stages");
            List<String> kinds = new ArrayList<>();
            stages.forEach(s -> kinds.add(s.get("name").asText() + ":" + s.get("kind").asText()));
            assertThat(kinds).containsExactly("parse:map", "chunk:flat_map", "non-empty:filter", "group:batch",
                    "embed:map", "split:unbatch", "tag:map", "store:sink");

            JsonNode parse = stages.get(0);
            assertThat(parse.get("concurrency").asInt()).isEqualTo(4);
            assertThat(parse.get("ordered").asBoolean()).isTrue();
            assertThat(parse.get("io").asBoolean()).isTrue();

            JsonNode group = stages.get(3);
            assertThat(group.get("batchSize").asInt()).isEqualTo(64);
            assertThat(group.get("maxWaitMillis").asLong()).isEqualTo(20);
            assertThat(group.has("concurrency")).isFalse();

            JsonNode policy = stages.get(4).get("policy");
            assertThat(policy.get("name").asText()).isEqualTo("openai");
            assertThat(policy.get("maxAttempts").asInt()).isEqualTo(5);
            assertThat(policy.get("backoff").get("initialMillis").asLong()).isEqualTo(100);
            assertThat(policy.get("backoff").get("multiplier").asDouble()).isEqualTo(2.0);
            assertThat(policy.get("retryOn").asText()).isEqualTo("default");
            assertThat(policy.get("timeoutMillis").asLong()).isEqualTo(30_000);
            assertThat(policy.get("rateLimit").get("permits").asInt()).isEqualTo(50);
            assertThat(policy.get("rateLimit").get("periodMillis").asLong()).isEqualTo(1_000);
            assertThat(policy.get("circuitBreaker").get("failureRatePercent").asInt()).isEqualTo(50);
            assertThat(policy.get("circuitBreaker").get("window").asInt()).isEqualTo(20);
            assertThat(policy.get("circuitBreaker").get("openForMillis").asLong()).isEqualTo(30_000);
            assertThat(policy.get("maxWaitMillis").asLong()).isEqualTo(StepPolicy.DEFAULT_MAX_WAIT.toMillis());

            JsonNode cache = stages.get(6).get("cache");
            assertThat(cache.get("maximumSize").asLong()).isEqualTo(1000);
            assertThat(cache.get("expireAfterWriteMillis").asLong()).isEqualTo(3_600_000);
        }
    }

    @Test
    void aDescribableFunctionsConfigurationAppearsInTheSpec() throws IOException {
        try (Pipeline<String, String> pipeline = Pipeline.from(String.class).map("upper", new Upper(7)).build()) {
            JsonNode function = JSON.readTree(pipeline.spec()).get("stages").get(0).get("function");
            assertThat(function.get("type").asText()).isEqualTo("upper");
            assertThat(function.get("limit").asInt()).isEqualTo(7);
        }
        try (Pipeline<String, String> plain = Pipeline.from(String.class).map("upper", String::trim).build()) {
            assertThat(JSON.readTree(plain.spec()).get("stages").get(0).has("function")).isFalse();
        }
    }

    @Test
    void aDescriptionJacksonCannotWriteIsRefusedAtBuildNamingThePipeline() {
        Describable bad = () -> new Object();
        class Opaque implements StageFunction<String, String>, Describable {
            @Override
            public String apply(String s) {
                return s;
            }

            @Override
            public Object describe() {
                return bad.describe();
            }
        }
        assertThatThrownBy(() -> Pipeline.from(String.class).named("p").map("m", new Opaque()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pipeline 'p'")
                .hasMessageContaining("describe()");
    }

    // ---------------------------------------------------------------- fingerprint()

    @Test
    void theFingerprintIs64LowercaseHexDigitsAndEqualForIdenticalDefinitions() {
        try (Pipeline<String, Void> a = FingerprintMain.definition(); Pipeline<String, Void> b = FingerprintMain.definition()) {
            assertThat(a.fingerprint()).matches("[0-9a-f]{64}");
            assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
            assertThat(a.spec()).isEqualTo(b.spec());
        }
    }

    @Test
    void anyChangeOfAStageOrSettingChangesTheFingerprint() {
        Map<String, UnaryOperator<PipelineBuilder<String, String>>> changes = new java.util.LinkedHashMap<>();
        changes.put("baseline", b -> b);
        changes.put("concurrency", b -> b.concurrency(2));
        changes.put("unordered", b -> b.concurrency(2).unordered());
        changes.put("io", PipelineBuilder::io);
        changes.put("queueCapacity", b -> b.queueCapacity(8));
        changes.put("policy", b -> b.policy(StepPolicy.retry(3)));
        changes.put("policy attempts", b -> b.policy(StepPolicy.retry(4)));
        changes.put("policy classifier", b -> b.policy(StepPolicy.retry(3).retryOn(ErrorClassifier.RETRY_UNKNOWN)));
        changes.put("policy jitter", b -> b.policy(StepPolicy.retry(3).jitter(0.1)));
        changes.put("policy name", b -> b.policy(StepPolicy.named("x").withRetry(3)));
        changes.put("batch size", b -> b.batch("group", 8, Duration.ofMillis(10)).unbatch("split"));
        changes.put("batch size 16", b -> b.batch("group", 16, Duration.ofMillis(10)).unbatch("split"));
        changes.put("batch wait", b -> b.batch("group", 8, Duration.ofMillis(11)).unbatch("split"));
        changes.put("describable config", b -> b.map("extra", new Upper(8)));
        changes.put("describable config 9", b -> b.map("extra", new Upper(9)));
        changes.put("stage name", b -> b.map("extra2", new Upper(8)));
        changes.put("order", b -> b.filter("keep", s -> true).map("extra", new Upper(8)));
        changes.put("order swapped", b -> b.map("extra", new Upper(8)).filter("keep", s -> true));
        changes.put("failFast", PipelineBuilder::failFast);
        changes.put("pipeline name", b -> b.named("other"));

        Map<String, String> seen = new java.util.HashMap<>();
        for (Map.Entry<String, UnaryOperator<PipelineBuilder<String, String>>> change : changes.entrySet()) {
            PipelineBuilder<String, String> base = Pipeline.from(String.class).map("trim", String::trim);
            try (Pipeline<String, String> pipeline = change.getValue().apply(base).build()) {
                String previous = seen.put(pipeline.fingerprint(), change.getKey());
                assertThat(previous).as("'%s' has the same fingerprint as '%s'", change.getKey(), previous).isNull();
            }
        }
    }

    @Test
    void cachedSettingsAreInTheFingerprint() {
        Set<String> fingerprints = new HashSet<>();
        for (CacheSpec spec : List.of(CacheSpec.maximumSize(10), CacheSpec.maximumSize(11),
                CacheSpec.maximumSize(10).expireAfterWrite(Duration.ofMinutes(1)))) {
            try (Pipeline<String, Integer> p = Pipeline.from(String.class).map("len", String::length)
                    .cached(s -> s, spec).build()) {
                fingerprints.add(p.fingerprint());
            }
        }
        assertThat(fingerprints).hasSize(3);
    }

    @Test
    void runtimeAttachmentsDoNotChangeTheFingerprint() {
        try (Pipeline<String, String> plain = Pipeline.from(String.class).map("trim", String::trim).build();
                Pipeline<String, String> attached = Pipeline.from(String.class).map("trim", String::trim)
                        .listener(new Slf4jPipelineListener())
                        .timeSource(new ManualTimeSource())
                        .deadLetters(DeadLetterSink.NONE)
                        .progressInterval(Duration.ofSeconds(3))
                        .executor(Runnable::run)
                        .build()) {
            assertThat(attached.fingerprint()).isEqualTo(plain.fingerprint());
        }
    }

    @Test
    void theFingerprintIsTheSameInAnotherJvm() throws Exception {
        String here;
        try (Pipeline<String, Void> pipeline = FingerprintMain.definition()) {
            here = pipeline.fingerprint();
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // Another locale too: stage kinds are lower-cased, and Turkish lower-cases 'I' differently.
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Duser.language=tr", "-Duser.country=TR", "-Dfile.encoding=ISO-8859-1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", FingerprintMain.class.getName())
                .redirectErrorStream(true)
                .start();
        boolean exited = child.waitFor(30, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly();
        }
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(exited).as("the child JVM exited").isTrue();
        assertThat(child.exitValue()).as("child output: %s", output).isZero();
        assertThat(output).isEqualTo(here);
    }
}
