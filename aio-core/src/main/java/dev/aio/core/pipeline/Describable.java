package dev.aio.core.pipeline;

/**
 * Implemented by stage functions whose configuration matters to the output (a chunker's size
 * and overlap, an embedding model's id and revision). The description becomes part of
 * {@link Pipeline#spec()} and so of {@link Pipeline#fingerprint()}: change the configuration and
 * the fingerprint changes. Functions that are not {@code Describable} contribute only their
 * stage's name and settings.
 */
@FunctionalInterface
public interface Describable {

    /**
     * Describes this function's configuration.
     *
     * @return a value Jackson can serialise (a map, a record, a string); it must be the same for
     *     the same configuration in every JVM run: no identity hash codes, no timestamps, and no
     *     hash sets (their iteration order may differ between runs; use lists or sorted sets)
     */
    Object describe();
}
