package dev.aio.gpu;

import ai.djl.Device;
import dev.aio.core.model.ModelException;
import dev.aio.gpu.internal.Encoder;
import dev.aio.gpu.internal.Engines;
import dev.aio.gpu.internal.ModelResources;
import dev.aio.gpu.internal.OrtEncoder;
import dev.aio.gpu.internal.Tokenization;
import dev.aio.gpu.internal.TorchBertEncoder;
import dev.aio.gpu.internal.TorchScriptEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Configures a {@link DjlEmbedder}. Each setting may be set once; a value out of range, set twice
 * or in conflict with another (float16 on the CPU, a TorchScript model on ONNX Runtime) is
 * refused with a message naming it. Not thread-safe.
 *
 * <p>Device and engine: with {@link DeviceChoice#AUTO} the PyTorch engine is asked how many GPUs
 * it sees; with one or more the model runs on {@code gpu(0)} in PyTorch, else on the CPU in ONNX
 * Runtime. {@link #device}, {@link #backend} and {@link #torchScript} override each part.
 */
public final class DjlEmbedderBuilder {

    /** Device batch size on a GPU unless {@link #maxBatchSize} says otherwise. */
    public static final int DEFAULT_GPU_BATCH = 256;
    /** Device batch size on the CPU unless {@link #maxBatchSize} says otherwise. */
    public static final int DEFAULT_CPU_BATCH = 32;
    /** The largest device batch accepted. */
    public static final int MAX_BATCH = 4096;
    /** How long a device batch waits for more callers' texts, by default. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofMillis(2);
    /** Texts that may wait in the queue, by default. */
    public static final int DEFAULT_QUEUE_CAPACITY = 16_384;
    /** How long a caller waits for room in a full queue before {@link EmbedderOverloadedException}, by default. */
    public static final Duration DEFAULT_OFFER_TIMEOUT = Duration.ofSeconds(30);

    private DeviceChoice device;
    private Backend backend;
    private Precision precision;
    private Path torchScript;
    private int maxBatchSize;
    private Duration maxWait;
    private int queueCapacity;
    private Duration offerTimeout;
    private int maxTokens;
    private ClassLoader classLoader;

    DjlEmbedderBuilder() {
    }

    /** @param choice where to run; {@link DeviceChoice#AUTO} by default @return this builder */
    public DjlEmbedderBuilder device(DeviceChoice choice) {
        this.device = once("device", this.device, choice);
        return this;
    }

    /** @param backend the engine; {@link Backend#AUTO} by default @return this builder */
    public DjlEmbedderBuilder backend(Backend backend) {
        this.backend = once("backend", this.backend, backend);
        return this;
    }

    /**
     * @param precision {@link Precision#FP32} (default) or {@link Precision#FP16}, which needs a GPU
     * @return this builder
     */
    public DjlEmbedderBuilder precision(Precision precision) {
        this.precision = once("precision", this.precision, precision);
        return this;
    }

    /**
     * Runs a TorchScript sentence encoder on the PyTorch engine instead of the MiniLM ONNX file:
     * {@code forward(input_ids, attention_mask)} returning token vectors {@code [batch, length,
     * dims]}, with the MiniLM tokenizer; {@code aio-gpu/tools/export_torchscript.py} writes one.
     *
     * @param file an existing TorchScript file
     * @return this builder
     */
    public DjlEmbedderBuilder torchScript(Path file) {
        this.torchScript = once("torchScript", this.torchScript, file);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("DjlEmbedder builder: torchScript " + file + " is not a file");
        }
        return this;
    }

    /**
     * @param size the most texts in one device batch, 1 to {@value #MAX_BATCH}; by default
     *     {@value #DEFAULT_GPU_BATCH} on a GPU and {@value #DEFAULT_CPU_BATCH} on the CPU
     * @return this builder
     */
    public DjlEmbedderBuilder maxBatchSize(int size) {
        this.maxBatchSize = intOnce("maxBatchSize", this.maxBatchSize, size, 1, MAX_BATCH);
        return this;
    }

    /**
     * @param wait how long a device batch waits for more texts after its first, 0 to 1 s;
     *     2 ms by default. Longer waits make fuller batches under light load at the cost of latency.
     * @return this builder
     */
    public DjlEmbedderBuilder maxWait(Duration wait) {
        this.maxWait = durationOnce("maxWait", this.maxWait, wait, Duration.ofSeconds(1));
        return this;
    }

    /**
     * @param texts the most texts waiting in the queue, at least the batch size; {@value
     *     #DEFAULT_QUEUE_CAPACITY} by default
     * @return this builder
     */
    public DjlEmbedderBuilder queueCapacity(int texts) {
        this.queueCapacity = intOnce("queueCapacity", this.queueCapacity, texts, 1, 1 << 24);
        return this;
    }

    /**
     * @param timeout how long a caller waits for room in a full queue, 0 (fail at once) to 1 h;
     *     30 s by default
     * @return this builder
     */
    public DjlEmbedderBuilder offerTimeout(Duration timeout) {
        this.offerTimeout = durationOnce("offerTimeout", this.offerTimeout, timeout, Duration.ofHours(1));
        return this;
    }

    /**
     * @param tokens where texts are truncated, special tokens included: 8 to {@value
     *     DjlEmbedder#MAX_TOKENS} (the default)
     * @return this builder
     */
    public DjlEmbedderBuilder maxTokens(int tokens) {
        this.maxTokens = intOnce("maxTokens", this.maxTokens, tokens, 8, DjlEmbedder.MAX_TOKENS);
        return this;
    }

    /** @param loader where the model files are read from (default: aio-gpu's own) @return this builder */
    public DjlEmbedderBuilder classLoader(ClassLoader loader) {
        this.classLoader = once("classLoader", this.classLoader, loader);
        return this;
    }

    /**
     * Loads the engine's native library, the tokenizer and the model, and starts the worker.
     *
     * @return an embedder ready for use
     * @throws NativeLibraryUnavailableException when the engine's native library cannot load
     * @throws ModelException when the model files are missing or the device cannot serve the settings
     * @throws IllegalArgumentException for conflicting settings
     */
    public DjlEmbedder build() {
        DeviceChoice choice = device != null ? device : DeviceChoice.AUTO;
        Precision prec = precision != null ? precision : Precision.FP32;
        if (torchScript != null && backend == Backend.ONNX_RUNTIME) {
            throw new IllegalArgumentException("DjlEmbedder builder: a TorchScript model runs on the PyTorch backend, "
                    + "not ONNX_RUNTIME");
        }
        Backend engine = backend != null && backend != Backend.AUTO ? backend
                : torchScript != null ? Backend.PYTORCH : null;
        Device dev;
        if (engine == Backend.ONNX_RUNTIME) {
            dev = Engines.device(choice, Engines.load(Engines.ONNX_RUNTIME));
        } else if (engine == Backend.PYTORCH || choice != DeviceChoice.CPU) {
            dev = Engines.device(choice, Engines.load(Engines.PYTORCH));
        } else {
            dev = Device.cpu();
        }
        if (engine == null) {
            engine = dev.isGpu() ? Backend.PYTORCH : Backend.ONNX_RUNTIME;
        }
        if (prec == Precision.FP16 && !dev.isGpu()) {
            throw new IllegalArgumentException("DjlEmbedder builder: FP16 needs a GPU, and the device is " + dev
                    + "; use FP32 on the CPU");
        }
        if (prec == Precision.FP16 && engine == Backend.ONNX_RUNTIME) {
            throw new IllegalArgumentException("DjlEmbedder builder: FP16 runs on the PYTORCH backend only");
        }
        int tokens = maxTokens != 0 ? maxTokens : DjlEmbedder.MAX_TOKENS;
        int batch = maxBatchSize != 0 ? maxBatchSize : dev.isGpu() ? DEFAULT_GPU_BATCH : DEFAULT_CPU_BATCH;
        int capacity = queueCapacity != 0 ? queueCapacity : Math.max(DEFAULT_QUEUE_CAPACITY, batch);
        if (capacity < batch) {
            throw new IllegalArgumentException("DjlEmbedder builder: queueCapacity " + capacity
                    + " is smaller than maxBatchSize " + batch);
        }
        ClassLoader loader = classLoader != null ? classLoader : DjlEmbedder.class.getClassLoader();
        ModelResources files = ModelResources.load(loader, torchScript == null);
        Tokenization tok = new Tokenization(files.tokenizerJson(), tokens);
        Encoder enc;
        try {
            boolean half = prec == Precision.FP16;
            enc = torchScript != null ? new TorchScriptEncoder(torchScript, dev, half)
                    : engine == Backend.PYTORCH ? new TorchBertEncoder(files.onnx(), dev, half)
                    : new OrtEncoder(files.onnx(), dev);
        } catch (RuntimeException e) {
            tok.close();
            throw e;
        }
        String variant = (torchScript != null ? "torchscript-" : "") + (prec == Precision.FP16 ? "float16" : "float32");
        String sha = torchScript != null ? sha256(torchScript, files.tokenizerJson()) : files.sha256();
        String fingerprint = DjlEmbedder.MODEL_ID + ":" + variant + ":sha256=" + sha.substring(0, 16) + ":maxTokens="
                + tokens + ":pooling=mean:normalize=l2";
        return new DjlEmbedder(new Resolved(tok, enc, dev, engine, prec, tokens, batch,
                maxWait != null ? maxWait : DEFAULT_MAX_WAIT, capacity,
                offerTimeout != null ? offerTimeout : DEFAULT_OFFER_TIMEOUT, fingerprint));
    }

    /** What {@link #build()} resolved, handed to the embedder. */
    record Resolved(Tokenization tokenizer, Encoder encoder, Device device, Backend backend, Precision precision,
            int maxTokens, int maxBatchSize, Duration maxWait, int queueCapacity, Duration offerTimeout,
            String fingerprint) {
    }

    private static String sha256(Path file, byte[] tokenizer) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            MessageDigest md = ((DigestInputStream) in).getMessageDigest();
            md.update(tokenizer);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new ModelException("DjlEmbedder: cannot read the TorchScript model " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private static <T> T once(String name, T current, T value) {
        Objects.requireNonNull(value, name);
        if (current != null) {
            throw new IllegalStateException("DjlEmbedder builder: " + name + " was already set to " + current);
        }
        return value;
    }

    private static int intOnce(String name, int current, int value, int min, int max) {
        if (current != 0) {
            throw new IllegalStateException("DjlEmbedder builder: " + name + " was already set to " + current);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("DjlEmbedder builder: " + name + " must be in [" + min + ", " + max
                    + "], got " + value);
        }
        return value;
    }

    private static Duration durationOnce(String name, Duration current, Duration value, Duration max) {
        once(name, current, value);
        if (value.isNegative() || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("DjlEmbedder builder: " + name + " must be in [0, " + max + "], got "
                    + value);
        }
        return value;
    }
}
