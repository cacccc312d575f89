package dev.aio.core.enrich;

import dev.aio.core.NonRetriableException;

/**
 * A model's output that could not be used after every attempt: not JSON, not the requested
 * shape, or refused by validation. Not retriable: the enricher already retried with the error
 * fed back, so the item belongs in the dead letters.
 */
public class EnrichmentException extends NonRetriableException {

    /** How many characters of the model's last output a message keeps. */
    public static final int EXCERPT_CHARS = 200;

    private final String lastOutput;
    private final int attempts;

    /**
     * @param enricher what was being derived, e.g. {@code extract(Invoice)}
     * @param attempts how many generations were tried
     * @param problem why the last output was refused
     * @param lastOutput the model's last output
     */
    public EnrichmentException(String enricher, int attempts, String problem, String lastOutput) {
        super(enricher + ": the model's output was unusable after " + attempts + " attempt(s): " + problem
                + "; last output: '" + excerpt(lastOutput) + "'");
        this.lastOutput = lastOutput;
        this.attempts = attempts;
    }

    private static String excerpt(String s) {
        String oneLine = s.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= EXCERPT_CHARS ? oneLine : oneLine.substring(0, EXCERPT_CHARS) + "...";
    }

    /** @return the model's last output, whole */
    public String lastOutput() {
        return lastOutput;
    }

    /** @return how many generations were tried */
    public int attempts() {
        return attempts;
    }
}
