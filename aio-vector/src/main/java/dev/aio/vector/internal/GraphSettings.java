package dev.aio.vector.internal;

/**
 * How a {@link FlatIndex} builds its {@link HnswGraph}.
 *
 * @param maxConnections M: links per node on the upper levels, twice as many on level 0
 * @param beamWidth candidates considered when linking a new node (efConstruction)
 */
public record GraphSettings(int maxConnections, int beamWidth) {

    /** Checks the ranges the graph needs. */
    public GraphSettings {
        if (maxConnections < 2 || maxConnections > 512) {
            throw new IllegalArgumentException("maxConnections must be in [2, 512], was " + maxConnections);
        }
        if (beamWidth < 1 || beamWidth > 10_000) {
            throw new IllegalArgumentException("beamWidth must be in [1, 10000], was " + beamWidth);
        }
    }
}
