/**
 * Runnable, tested examples of aio. {@link dev.aio.examples.CoreDemo} is the core demo that the
 * README's first command runs: the pipeline engine over sample documents, with a dead letter, a
 * run report, a Mermaid diagram and an answer with citations.
 */
package dev.aio.examples;
