package dev.aio.gpu;

import ai.djl.Device;
import ai.djl.engine.Engine;
import dev.aio.core.vector.Similarity;
import dev.aio.gpu.internal.Engines;
import java.util.Objects;

/**
 * Configures a {@link TensorVectorIndex}. Invalid values fail at once with a message naming
 * them. Not thread-safe.
 */
public final class TensorVectorIndexBuilder {

    /** Rows allocated on the device before the first growth, by default. */
    public static final int DEFAULT_INITIAL_CAPACITY = 1024;

    String name = TensorVectorIndex.DEFAULT_NAME;
    int dimensions;
    Similarity similarity = Similarity.COSINE;
    DeviceChoice device = DeviceChoice.AUTO;
    int initialCapacity = DEFAULT_INITIAL_CAPACITY;

    TensorVectorIndexBuilder() {
    }

    /** @param name the name for messages, not blank @return this builder */
    public TensorVectorIndexBuilder name(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("TensorVectorIndex builder: name is blank");
        }
        this.name = name;
        return this;
    }

    /** @param dimensions the vector length, positive; by default the first upsert sets it @return this builder */
    public TensorVectorIndexBuilder dimensions(int dimensions) {
        if (dimensions <= 0) {
            throw new IllegalArgumentException("TensorVectorIndex builder: dimensions must be positive, was "
                    + dimensions);
        }
        this.dimensions = dimensions;
        return this;
    }

    /** @param similarity how to score; {@link Similarity#COSINE} by default @return this builder */
    public TensorVectorIndexBuilder similarity(Similarity similarity) {
        this.similarity = Objects.requireNonNull(similarity, "similarity");
        return this;
    }

    /** @param device where the matrix lives; {@link DeviceChoice#AUTO} by default @return this builder */
    public TensorVectorIndexBuilder device(DeviceChoice device) {
        this.device = Objects.requireNonNull(device, "device");
        return this;
    }

    /**
     * @param rows device rows to allocate up front (the matrix grows by half when full, which
     *     re-uploads it), 16 to 2^28; {@value #DEFAULT_INITIAL_CAPACITY} by default
     * @return this builder
     */
    public TensorVectorIndexBuilder initialCapacity(int rows) {
        if (rows < 16 || rows > (1 << 28)) {
            throw new IllegalArgumentException("TensorVectorIndex builder: initialCapacity must be in [16, 2^28], was "
                    + rows);
        }
        this.initialCapacity = rows;
        return this;
    }

    /**
     * @return the index, empty, its device chosen
     * @throws NativeLibraryUnavailableException when libtorch cannot be loaded
     * @throws dev.aio.core.model.ModelException for {@link DeviceChoice#GPU} when DJL sees no GPU
     */
    public TensorVectorIndex build() {
        Engine engine = Engines.load(Engines.PYTORCH);
        Device dev = Engines.device(device, engine);
        return new TensorVectorIndex(this, engine.newBaseManager(dev));
    }
}
