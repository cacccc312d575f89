package dev.aio.gpu.tools;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.aio.core.vector.Similarity;
import dev.aio.core.vector.VectorQuery;
import dev.aio.core.vector.VectorRecord;
import dev.aio.gpu.Backend;
import dev.aio.gpu.DeviceChoice;
import dev.aio.gpu.DjlEmbedder;
import dev.aio.gpu.DjlEmbedderBuilder;
import dev.aio.gpu.Precision;
import dev.aio.gpu.TensorVectorIndex;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The GPU check (and, with small sizes, its CPU rehearsal): parity of DjlEmbedder's vectors with
 * reference vectors written on the CPU by aio-llm's OnnxEmbedder (fp32 and, on a GPU, fp16),
 * E2 embedding throughput at several device batch sizes, E4 exact top-10 through
 * TensorVectorIndex with the matrix resident, and this device's measured matmul and copy
 * ceilings for the fraction-of-limit lines. Prints one {@code GPU.*} line per figure.
 *
 * <pre>
 * GpuCheck write-reference FILE                 (CPU, needs aio-llm: see ReferenceWriter)
 * GpuCheck check FILE [key=value...]
 *   device=auto|cpu|gpu  torchscript=PATH  torchscript16=PATH  chunks=2048  batches=64,128,256,512
 *   sizes=100000,1000000  queries=256  matmul=8192  copyMiB=1024  parityMin=0.9999  parityMin16=0.999
 * </pre>
 * Exits with status 1 when a parity line fails.
 */
public final class GpuCheck {

    /** MiniLM-L6's cost per token at sequence length L: about this plus 9,216 x L FLOP (BENCHMARKS.md). */
    static final double FLOP_PER_TOKEN = 21.2e6;
    static final double FLOP_PER_TOKEN_PER_L = 9216;

    private final Map<String, String> opts;
    private final PrintStream out;
    private boolean failed;
    private double matmulTflops = Double.NaN;
    private double copyGbps = Double.NaN;

    GpuCheck(Map<String, String> opts, PrintStream out) {
        this.opts = opts;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("write-reference")) {
            ReferenceWriter.write(Path.of(args[1]));
            return;
        }
        if (args.length < 2 || !args[0].equals("check")) {
            System.err.println("usage: GpuCheck write-reference FILE | GpuCheck check FILE [key=value...]");
            System.exit(2);
        }
        java.util.Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        GpuCheck check = new GpuCheck(opts, System.out);
        check.run(ReferenceVectors.read(Path.of(args[1])));
        System.exit(check.failed ? 1 : 0);
    }

    boolean failed() {
        return failed;
    }

    private String opt(String key, String def) {
        return opts.getOrDefault(key, def);
    }

    private int[] ints(String key, String def) {
        return Arrays.stream(opt(key, def).split(",")).mapToInt(Integer::parseInt).toArray();
    }

    void run(ReferenceVectors ref) throws Exception {
        Engine torch = Engine.getEngine("PyTorch");
        DeviceChoice choice = DeviceChoice.valueOf(opt("device", "auto").toUpperCase(Locale.ROOT));
        boolean gpu = choice == DeviceChoice.GPU || (choice == DeviceChoice.AUTO && torch.getGpuCount() > 0);
        Device device = gpu ? Device.gpu(0) : Device.cpu();
        out.printf(Locale.ROOT, "# GPU check: java=%s djl=%s pytorch=%s gpus=%d device=%s cores=%d%n",
                System.getProperty("java.version"), Engine.getDjlVersion(), torch.getVersion(), torch.getGpuCount(),
                device, Runtime.getRuntime().availableProcessors());
        ceilings(device);
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("eager", Precision.FP32, null));
        if (gpu) {
            variants.add(new Variant("eager", Precision.FP16, null));
        }
        if (opts.containsKey("torchscript")) {
            variants.add(new Variant("torchscript", Precision.FP32, Path.of(opts.get("torchscript"))));
        }
        if (opts.containsKey("torchscript16") && gpu) {
            variants.add(new Variant("torchscript", Precision.FP16, Path.of(opts.get("torchscript16"))));
        }
        for (Variant v : variants) {
            parity(v, choice, ref);
        }
        for (Variant v : variants) {
            throughput(v, choice, ref);
        }
        search(choice);
    }

    private record Variant(String kind, Precision precision, Path torchScript) {
        String label() {
            return kind + "," + precision.name().toLowerCase(Locale.ROOT);
        }
    }

    private DjlEmbedder embedder(Variant v, DeviceChoice device, int batch, int maxTokens) {
        DjlEmbedderBuilder b = DjlEmbedder.builder().device(device).backend(Backend.PYTORCH).precision(v.precision)
                .maxBatchSize(batch).maxTokens(maxTokens);
        if (v.torchScript != null) {
            b.torchScript(v.torchScript);
        }
        return b.build();
    }

    private void parity(Variant v, DeviceChoice device, ReferenceVectors ref) {
        double min = Double.parseDouble(v.precision == Precision.FP16 ? opt("parityMin16", "0.999")
                : opt("parityMin", "0.9999"));
        try (DjlEmbedder e = embedder(v, device, 64, DjlEmbedder.MAX_TOKENS)) {
            List<float[]> got = e.embed(ref.texts());
            double lo = 1;
            double sum = 0;
            for (int i = 0; i < got.size(); i++) {
                double c = cosine(got.get(i), ref.vectors().get(i));
                lo = Math.min(lo, c);
                sum += c;
            }
            boolean pass = lo >= min;
            failed |= !pass;
            out.printf(Locale.ROOT, "GPU.parity[%s] cosine min=%.6f mean=%.6f n=%d on=%s target>=%s %s%n", v.label(), lo,
                    sum / got.size(), got.size(), e.device(), min, pass ? "PASS" : "FAIL");
        }
    }

    private void throughput(Variant v, DeviceChoice device, ReferenceVectors ref) {
        int chunks = Integer.parseInt(opt("chunks", "2048"));
        for (String length : new String[] {"short", "128", "256"}) {
            int tokens = length.equals("short") ? DjlEmbedder.MAX_TOKENS : Integer.parseInt(length);
            List<String> texts = texts(ref, chunks, !length.equals("short"));
            for (int batch : ints("batches", "64,128,256,512")) {
                try (DjlEmbedder e = embedder(v, device, batch, tokens)) {
                    e.embed(texts.subList(0, Math.min(texts.size(), batch * 2))); // warm-up: kernels, allocator
                    int reps = 3;
                    long t0 = System.nanoTime();
                    for (int r = 0; r < reps; r++) {
                        e.embed(texts);
                    }
                    double perSecond = reps * (double) chunks / ((System.nanoTime() - t0) / 1e9);
                    String extra = "";
                    if (!length.equals("short")) {
                        // Every chunk is cut at exactly `tokens` tokens, so the FLOP count is known.
                        double tflops = perSecond * tokens * (FLOP_PER_TOKEN + FLOP_PER_TOKEN_PER_L * tokens) / 1e12;
                        extra = String.format(Locale.ROOT, " model=%.2fTFLOP/s fractionOfMatmulCeiling=%.2f", tflops,
                                tflops / matmulTflops);
                    }
                    out.printf(Locale.ROOT, "GPU.E2[%s,%s,batch=%d,chunks=%d] ours=%.0fchunks/s%s INFO%n", length,
                            v.label(), batch, chunks, perSecond, extra);
                }
            }
        }
    }

    /** Short texts are the reference's own; long ones run past the limit so the model sees exactly that many tokens. */
    private static List<String> texts(ReferenceVectors ref, int count, boolean longTexts) {
        List<String> source = ref.texts().stream().filter(t -> !t.isEmpty() && (longTexts || t.length() < 200)).toList();
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String t = source.get(i % source.size());
            out.add(longTexts ? (i + " " + t + " ").repeat(40) : i + " " + t);
        }
        return out;
    }

    private void search(DeviceChoice device) {
        int dims = 384;
        int queries = Integer.parseInt(opt("queries", "256"));
        for (int n : ints("sizes", "100000,1000000")) {
            Random random = new Random(42);
            try (TensorVectorIndex index = TensorVectorIndex.builder().device(device).similarity(Similarity.DOT_PRODUCT)
                    .dimensions(dims).initialCapacity(n).build()) {
                List<VectorRecord> batch = new ArrayList<>(10_000);
                for (int i = 0; i < n; i++) {
                    batch.add(VectorRecord.of("v" + i, unit(random, dims)));
                    if (batch.size() == 10_000 || i == n - 1) {
                        index.upsert(batch);
                        batch.clear();
                    }
                }
                List<VectorQuery> qs = new ArrayList<>(queries);
                for (int q = 0; q < queries; q++) {
                    qs.add(VectorQuery.of(unit(random, dims), 10));
                }
                index.search(qs); // warm-up
                int reps = 5;
                long t0 = System.nanoTime();
                for (int r = 0; r < reps; r++) {
                    index.search(qs);
                }
                double batchSeconds = (System.nanoTime() - t0) / 1e9 / reps;
                index.search(qs.get(0));
                t0 = System.nanoTime();
                int singles = Math.min(queries, 64);
                for (int q = 0; q < singles; q++) {
                    index.search(qs.get(q));
                }
                double singleSeconds = (System.nanoTime() - t0) / 1e9 / singles;
                // One batch reads the matrix once; one single query reads it once too.
                double gbps = (double) n * dims * Float.BYTES / singleSeconds / 1e9;
                out.printf(Locale.ROOT, "GPU.E4[n=%d,top10,batch=%d] ours=%.0fqueries/s single=%.0fqueries/s "
                        + "singleScan=%.1fGB/s fractionOfCopyCeiling=%.2f on=%s INFO%n", n, queries,
                        queries / batchSeconds, 1 / singleSeconds, gbps, gbps / copyGbps, index.device());
            }
        }
    }

    private void ceilings(Device device) {
        int m = Integer.parseInt(opt("matmul", "8192"));
        long copyFloats = Long.parseLong(opt("copyMiB", "1024")) * 1024 * 1024 / Float.BYTES;
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager(device)) {
            for (DataType type : device.isGpu() ? new DataType[] {DataType.FLOAT32, DataType.FLOAT16}
                    : new DataType[] {DataType.FLOAT32}) {
                try (NDManager s = manager.newSubManager()) {
                    NDArray a = s.randomNormal(new Shape(m, m)).toType(type, false);
                    NDArray b = s.randomNormal(new Shape(m, m)).toType(type, false);
                    a.matMul(b).sum().toType(DataType.FLOAT32, false).getFloat(); // warm-up and sync
                    int reps = device.isGpu() ? 20 : 3;
                    long t0 = System.nanoTime();
                    NDArray acc = null;
                    for (int r = 0; r < reps; r++) {
                        NDArray c = a.matMul(b);
                        acc = c;
                    }
                    acc.sum().toType(DataType.FLOAT32, false).getFloat(); // waits for the queued products
                    double tflops = 2.0 * m * m * m * reps / ((System.nanoTime() - t0) / 1e9) / 1e12;
                    if (type == DataType.FLOAT32) {
                        matmulTflops = tflops;
                    }
                    out.printf(Locale.ROOT, "GPU.ceiling[matmul,%s,%dx%d] %.2fTFLOP/s INFO%n", type, m, m, tflops);
                }
            }
            try (NDManager s = manager.newSubManager()) {
                NDArray a = s.ones(new Shape(copyFloats));
                a.duplicate().sum().getFloat();
                int reps = device.isGpu() ? 20 : 3;
                long t0 = System.nanoTime();
                NDArray last = null;
                for (int r = 0; r < reps; r++) {
                    last = a.duplicate();
                }
                last.get(0).getFloat();
                // A copy reads and writes every byte once.
                copyGbps = 2.0 * copyFloats * Float.BYTES * reps / ((System.nanoTime() - t0) / 1e9) / 1e9;
                out.printf(Locale.ROOT, "GPU.ceiling[copy,%dMiB] %.1fGB/s INFO%n", copyFloats * 4 / (1 << 20), copyGbps);
            }
        }
    }

    private static float[] unit(Random random, int dims) {
        float[] v = new float[dims];
        double norm = 0;
        for (int i = 0; i < dims; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < dims; i++) {
            v[i] *= inv;
        }
        return v;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
