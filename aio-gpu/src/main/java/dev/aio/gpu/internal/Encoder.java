package dev.aio.gpu.internal;

/**
 * Runs the sentence-embedding model on one DJL engine and device: token ids in, unit-length
 * mean-pooled vectors out. Used by one thread at a time (the batcher's worker).
 */
public interface Encoder extends AutoCloseable {

    /**
     * @param batch padded token ids
     * @return one unit vector per row
     * @throws dev.aio.core.model.ModelException when the engine fails
     */
    float[][] encode(PaddedBatch batch);

    /** @return the vector length */
    int dimensions();

    /** @return engine, device and precision, e.g. {@code PyTorch gpu(0) fp16} */
    String describe();

    /** Releases the model and its native memory. */
    @Override
    void close();
}
