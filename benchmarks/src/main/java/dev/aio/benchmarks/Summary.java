package dev.aio.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a JMH JSON results file ({@code -rf json}) and prints one line per benchmark case in the
 * format of {@code BENCHMARKS.md}: {@code NAME ours=X peer=Y ratio=Z target=T PASS|FAIL|INFO},
 * after a header line with the JVM, its flags and the core count.
 *
 * <p>A case whose target {@code BENCHMARKS.md} does not set prints {@code target=-} and
 * {@code INFO}. Results of benchmarks this class does not know yet print as
 * {@code INFO} lines with their raw score, so nothing measured is silently dropped.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.aio.benchmarks.Summary results.json}
 */
public final class Summary {

    /** E8: sync call at most this many times plain calls (BENCHMARKS.md), judged at {@link #E8_CALL_TARGET_STAGES}. */
    static final double E8_CALL_MAX_RATIO = 1.2;
    /** The stage count at which the E8 call target is judged; other counts are informational. */
    static final int E8_CALL_TARGET_STAGES = 5;
    /** E8: streaming at most this many microseconds per item per stage (BENCHMARKS.md). */
    static final double E8_STREAM_MAX_US_PER_ITEM_STAGE = 1.0;

    private static final String E8_CLASS = OrchestrationBenchmark.class.getName();

    /** One benchmark case of the results file. */
    record Result(String benchmark, String mode, Map<String, String> params, double score, double error,
            String unit, Map<String, Double> percentiles, int threads, double lowest) {

        /** A result of one thread without percentiles (modes other than SampleTime). */
        Result(String benchmark, String mode, Map<String, String> params, double score, double error, String unit) {
            this(benchmark, mode, params, score, error, unit, Map.of(), 1, score);
        }

        /**
         * The lowest iteration score, in nanoseconds per operation: for a ceiling (Roofline) the
         * best the machine did in the run, which makes a fraction of it conservative.
         */
        double lowestNanos() {
            return score == 0 || Double.isNaN(lowest) ? Double.NaN : nanos() * (lowest / score);
        }

        String className() {
            return benchmark.substring(0, benchmark.lastIndexOf('.'));
        }

        String method() {
            return benchmark.substring(benchmark.lastIndexOf('.') + 1);
        }

        /** The score in nanoseconds per operation; NaN for throughput or unknown units. */
        double nanos() {
            String perOp = unit.endsWith("/op") ? unit.substring(0, unit.length() - 3) : null;
            if (perOp == null) {
                return Double.NaN;
            }
            switch (perOp) {
                case "ns":
                    return score;
                case "us":
                    return score * 1e3;
                case "ms":
                    return score * 1e6;
                case "s":
                    return score * 1e9;
                default:
                    return Double.NaN;
            }
        }
    }

    private final List<Result> results;
    private final List<String> lines = new ArrayList<>();
    private int pass;
    private int fail;
    private int info;

    Summary(List<Result> results) {
        this.results = results;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Summary <jmh-results.json>...");
            System.exit(2);
        }
        List<Result> results = new ArrayList<>();
        for (String file : args) {
            JsonNode root = new ObjectMapper().readTree(Files.readString(Path.of(file)));
            if (!root.isArray() || root.isEmpty()) {
                System.err.println("no JMH results in " + file);
                System.exit(1);
            }
            // One header per JMH run: the runs may differ in iterations.
            System.out.println(header(root.get(0), root.size()));
            results.addAll(parse(root));
        }
        Summary summary = new Summary(results);
        summary.summarise();
        summary.lines.forEach(System.out::println);
        System.out.println("# " + summary.pass + " PASS, " + summary.fail + " FAIL, " + summary.info + " INFO");
    }

    static String header(JsonNode first, int cases) {
        List<String> flags = new ArrayList<>();
        first.path("jvmArgs").forEach(a -> flags.add(a.asText()));
        return String.format(Locale.ROOT,
                "# jvm=%s vm=\"%s %s\" flags=%s cores=%d jmh=%s forks=%d warmup=%dx%s measurement=%dx%s cases=%d",
                first.path("jdkVersion").asText("?"), first.path("vmName").asText("?"),
                first.path("vmVersion").asText("?"), flags, Runtime.getRuntime().availableProcessors(),
                first.path("jmhVersion").asText("?"), first.path("forks").asInt(),
                first.path("warmupIterations").asInt(), first.path("warmupTime").asText("?").replace(" ", ""),
                first.path("measurementIterations").asInt(),
                first.path("measurementTime").asText("?").replace(" ", ""), cases);
    }

    static List<Result> parse(JsonNode root) {
        List<Result> out = new ArrayList<>();
        for (JsonNode node : root) {
            Map<String, String> params = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.path("params").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
            JsonNode metric = node.path("primaryMetric");
            out.add(new Result(node.path("benchmark").asText(), node.path("mode").asText(), params,
                    metric.path("score").asDouble(Double.NaN), metric.path("scoreError").asDouble(Double.NaN),
                    metric.path("scoreUnit").asText(""), percentiles(metric), node.path("threads").asInt(1),
                    lowest(metric)));
            if (node.path("benchmark").asText().startsWith(IngestBenchmark.class.getName() + ".")) {
                // E6's in-run counters (AuxCounters) as results of their own, named method:counter.
                Iterator<Map.Entry<String, JsonNode>> sec = node.path("secondaryMetrics").fields();
                while (sec.hasNext()) {
                    Map.Entry<String, JsonNode> e = sec.next();
                    out.add(new Result(node.path("benchmark").asText() + ":" + e.getKey(), node.path("mode").asText(),
                            params, e.getValue().path("score").asDouble(Double.NaN),
                            e.getValue().path("scoreError").asDouble(Double.NaN),
                            e.getValue().path("scoreUnit").asText("")));
                }
            }
        }
        return out;
    }

    /** The lowest score of any measured iteration of any fork ({@code rawData}); the score when absent. */
    private static double lowest(JsonNode metric) {
        double min = Double.NaN;
        for (JsonNode fork : metric.path("rawData")) {
            for (JsonNode v : fork) {
                min = Double.isNaN(min) ? v.asDouble() : Math.min(min, v.asDouble());
            }
        }
        return Double.isNaN(min) ? metric.path("score").asDouble(Double.NaN) : min;
    }

    /** SampleTime's percentiles ({@code "50.0"} to {@code "100.0"}) in the score's unit; empty otherwise. */
    private static Map<String, Double> percentiles(JsonNode metric) {
        Map<String, Double> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = metric.path("scorePercentiles").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asDouble(Double.NaN));
        }
        return out;
    }

    void summarise() {
        List<Result> unknown = new ArrayList<>();
        for (Result r : results) {
            if (!r.className().equals(E8_CLASS) || !r.mode().equals("avgt")) {
                unknown.add(r);
            }
        }
        summariseE8();
        // The machine's ceilings first: the E2 and E4 lines divide by them when they are present.
        RooflineSummary.Ceilings ceilings = RooflineSummary.ceilings(results);
        unknown.removeIf(RooflineSummary::handles);
        RooflineSummary.summarise(ceilings, this::line);
        unknown.removeIf(VectorSummary::handles);
        VectorSummary.summarise(results, ceilings, this::line);
        unknown.removeIf(EmbedSummary::handles);
        EmbedSummary.summarise(results, ceilings, this::line);
        unknown.removeIf(QuerySummary::handles);
        QuerySummary.summarise(results, this::line);
        unknown.removeIf(StorageSummary::handles);
        StorageSummary.summarise(results, this::line);
        unknown.removeIf(IngestSummary::handles);
        IngestSummary.summarise(results, this::line);
        unknown.removeIf(GpuSummary::handles);
        GpuSummary.summarise(results, this::line);
        unknown.removeIf(E5Summary::handles);
        E5Summary.summarise(results, this::line);
        for (Result r : unknown) {
            String params = r.params().isEmpty() ? "" : r.params().toString().replace("{", "[").replace("}", "]")
                    .replace(", ", ",");
            line(r.benchmark().replaceFirst("^dev\\.aio\\.benchmarks\\.", "") + params + "." + r.mode(),
                    fmt(r.score()) + r.unit(), "-", "-", "-", "INFO");
        }
    }

    // ---------------------------------------------------------------- E8

    private void summariseE8() {
        TreeSet<Integer> stageCounts = new TreeSet<>(Comparator.naturalOrder());
        for (Result r : results) {
            if (r.className().equals(E8_CLASS) && r.params().containsKey("stages")) {
                stageCounts.add(Integer.parseInt(r.params().get("stages")));
            }
        }
        for (int n : stageCounts) {
            Result ours = e8(n, "pipelineCall");
            Result peer = e8(n, "plainCalls");
            Result loop = e8(n, "plainLoop");
            if (ours != null) {
                boolean judged = n == E8_CALL_TARGET_STAGES;
                ratioLine("E8.call[stages=" + n + "]", ours, peer, judged ? E8_CALL_MAX_RATIO : Double.NaN);
                if (loop != null) {
                    // Informational: against plain calls through one shared call site, as the engine has.
                    ratioLine("E8.call[stages=" + n + ",peer=loop]", ours, loop, Double.NaN);
                }
            } else if (peer != null) {
                line("E8.call[stages=" + n + "]", "-", fmt(peer.nanos()) + "ns", "-", "-", "INFO");
            }
            streamLine("E8.stream[stages=" + n + ",fused]", e8(n, "pipelineStream"), n);
            streamLine("E8.stream[stages=" + n + ",queued]", e8(n, "pipelineStreamQueued"), n);
        }
    }

    private Result e8(int stages, String method) {
        for (Result r : results) {
            if (r.className().equals(E8_CLASS) && r.method().equals(method) && r.mode().equals("avgt")
                    && String.valueOf(stages).equals(r.params().get("stages"))) {
                return r;
            }
        }
        return null;
    }

    private void ratioLine(String name, Result ours, Result peer, double maxRatio) {
        double o = ours.nanos();
        String target = Double.isNaN(maxRatio) ? "-" : "<=" + fmt(maxRatio);
        if (peer == null) {
            line(name, fmt(o) + "ns", "-", "-", target, "INFO");
            return;
        }
        double p = peer.nanos();
        double ratio = o / p;
        String verdict = Double.isNaN(maxRatio) ? "INFO" : ratio <= maxRatio ? "PASS" : "FAIL";
        line(name, fmt(o) + "ns", fmt(p) + "ns", String.format(Locale.ROOT, "%.2f", ratio), target, verdict);
    }

    private void streamLine(String name, Result r, int stages) {
        if (r == null) {
            return;
        }
        double usPerItemStage = r.nanos() / stages / 1e3;
        String verdict = usPerItemStage <= E8_STREAM_MAX_US_PER_ITEM_STAGE ? "PASS" : "FAIL";
        line(name, fmt(usPerItemStage) + "us/item/stage", "-", "-",
                "<=" + fmt(E8_STREAM_MAX_US_PER_ITEM_STAGE) + "us", verdict);
    }

    // ---------------------------------------------------------------- output

    private void line(String name, String ours, String peer, String ratio, String target, String verdict) {
        switch (verdict) {
            case "PASS":
                pass++;
                break;
            case "FAIL":
                fail++;
                break;
            default:
                info++;
                break;
        }
        lines.add(format(name, ours, peer, ratio, target, verdict));
    }

    /** One summary line: {@code NAME ours=X peer=Y ratio=Z target=T VERDICT}; a target "-" prints as "=-". */
    static String format(String name, String ours, String peer, String ratio, String target, String verdict) {
        return name + " ours=" + ours + " peer=" + peer + " ratio=" + ratio + " target" + (target.equals("-")
                ? "=-" : target) + " " + verdict;
    }

    /** Three significant digits, no exponent: 12.3, 0.213, 1234. */
    static String fmt(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "?";
        }
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(3));
        return d.stripTrailingZeros().toPlainString();
    }
}
