package dev.aio.core.pipeline.internal;

/**
 * One stage of the specialised {@code call()} chain: applies its stage to an item and hands the
 * result to the next link. Failures leave as {@link dev.aio.core.pipeline.StageFailedException}.
 *
 * @see LinkChain
 */
abstract class Link {

    /**
     * Runs the item through this stage and the rest of the chain.
     *
     * @return the chain's output, or {@code null} if a filter dropped the item or a sink took it
     */
    abstract Object apply(Object item);

    /** The end of every chain: returns what reached it. */
    static final class End extends Link {
        @Override
        Object apply(Object item) {
            return item;
        }
    }
}
