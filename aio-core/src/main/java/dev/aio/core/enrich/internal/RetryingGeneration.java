package dev.aio.core.enrich.internal;

import dev.aio.core.enrich.EnrichmentException;
import dev.aio.core.model.LanguageModel;
import dev.aio.core.model.Prompt;

/**
 * Generates, parses and validates; on unusable output asks again with the output and the
 * problem in the conversation, up to a bound. Not part of the API.
 */
public final class RetryingGeneration {

    /** Parses and validates one output. */
    @FunctionalInterface
    public interface OutputParser<T> {
        /** @return the value @throws InvalidOutputException with a problem the model can fix */
        T parse(String output) throws InvalidOutputException;
    }

    private RetryingGeneration() {
    }

    /**
     * @param name the enricher, for the error
     * @param model the model
     * @param prompt the first prompt
     * @param maxAttempts at least 1
     * @param parser parses and validates
     * @return the first usable value
     * @throws EnrichmentException when every attempt's output was unusable
     */
    public static <T> T run(String name, LanguageModel model, Prompt prompt, int maxAttempts, OutputParser<T> parser) {
        Prompt current = prompt;
        for (int attempt = 1; ; attempt++) {
            String output = model.generate(current).text();
            try {
                return parser.parse(output);
            } catch (InvalidOutputException e) {
                if (attempt >= maxAttempts) {
                    throw new EnrichmentException(name, attempt, e.getMessage(), output);
                }
                // Show the model what it said and why it failed: a bare re-ask tends to repeat the mistake.
                current = current.toBuilder().assistant(output)
                        .user("That reply could not be used: " + e.getMessage()
                                + ". Reply again with only the corrected output, nothing else.")
                        .build();
            }
        }
    }

    /**
     * @param output a model's reply
     * @param open the first character of the JSON value looked for
     * @param close its last character
     * @return the JSON value inside, without code fences or surrounding prose; from the opening
     *     character to the end when it is not closed
     * @throws InvalidOutputException when there is no opening character
     */
    public static String jsonIn(String output, char open, char close) throws InvalidOutputException {
        int from = output.indexOf(open);
        int to = output.lastIndexOf(close);
        if (from < 0) {
            throw new InvalidOutputException("no JSON " + (open == '{' ? "object" : "array") + " found in the reply");
        }
        // A cut-off value has no closing character: hand the rest to the parser, whose error
        // ("unexpected end of input") tells the model more than "not found" would.
        return to < from ? output.substring(from) : output.substring(from, to + 1);
    }
}
