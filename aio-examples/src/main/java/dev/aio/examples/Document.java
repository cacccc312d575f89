package dev.aio.examples;

/**
 * A document read by the demo.
 *
 * @param name the file name, used in citations
 * @param text the whole text
 */
public record Document(String name, String text) {
}
