package dev.aio.core.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.aio.core.enrich.internal.InvalidOutputException;
import dev.aio.core.enrich.internal.RetryingGeneration;
import dev.aio.core.model.LanguageModel;
import dev.aio.core.model.Prompt;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Extracts structured fields from a text into a record {@code R}: asks the model for one JSON
 * object with the record's components (described from their names and types), parses it with
 * Jackson, checks that every component not marked {@link OptionalField} is present and not
 * null, then runs the caller's validator. Unusable output is retried with the problem fed back,
 * up to {@link Builder#maxAttempts(int)} generations, then fails with an
 * {@link EnrichmentException} holding the last output.
 *
 * <pre>{@code
 * record Invoice(String number, String customer, double total, @OptionalField String dueDate) {}
 * Extractor<Invoice> invoices = Extractor.builder(model, Invoice.class)
 *     .instructions("Amounts in euros.")
 *     .validator(i -> { if (i.total() < 0) throw new IllegalArgumentException("total is negative"); })
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe when the model and validator are.
 *
 * @param <R> the record type
 */
public final class Extractor<R extends Record> implements Enricher<R> {

    /** Generations tried per text unless {@link Builder#maxAttempts(int)} says otherwise. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    // Lenient about extra fields (models add them), strict about types and missing primitives.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    private final LanguageModel model;
    private final Class<R> type;
    private final String system;
    private final Consumer<? super R> validator;
    private final int maxAttempts;
    private final List<String> required;

    private Extractor(Builder<R> b) {
        this.model = b.model;
        this.type = b.type;
        this.validator = b.validator;
        this.maxAttempts = b.maxAttempts;
        this.required = java.util.Arrays.stream(type.getRecordComponents())
                .filter(c -> !c.isAnnotationPresent(OptionalField.class)).map(RecordComponent::getName).toList();
        this.system = "Extract fields from the user's text. Reply with exactly one JSON object and nothing else, "
                + "with these fields:\n" + fields(type) + "\nRequired (never null): " + required
                + ". Use null for an optional field the text does not give."
                + (b.instructions == null ? "" : "\n" + b.instructions);
    }

    /**
     * @param model the model, not null
     * @param type the record to fill, not null
     * @param <R> the record type
     * @return a builder
     */
    public static <R extends Record> Builder<R> builder(LanguageModel model, Class<R> type) {
        return new Builder<>(model, type);
    }

    private static String fields(Class<?> type) {
        StringBuilder s = new StringBuilder();
        for (RecordComponent c : type.getRecordComponents()) {
            s.append("- ").append(c.getName()).append(": ").append(jsonType(c.getGenericType()))
                    .append(c.isAnnotationPresent(OptionalField.class) ? " (optional)" : "").append('\n');
        }
        return s.toString().stripTrailing();
    }

    private static String jsonType(Type t) {
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            return "array of " + jsonType(p.getActualTypeArguments()[0]);
        }
        if (t == String.class || t == Character.class || t == char.class) {
            return "string";
        }
        if (t == int.class || t == long.class || t == Integer.class || t == Long.class || t == short.class) {
            return "integer";
        }
        if (t == double.class || t == float.class || t == Double.class || t == Float.class
                || t == java.math.BigDecimal.class) {
            return "number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "boolean";
        }
        if (t instanceof Class<?> c && c.isEnum()) {
            return "one of " + java.util.Arrays.toString(c.getEnumConstants());
        }
        if (t instanceof Class<?> c && c.isRecord()) {
            return "object with {" + fields(c).replace("\n", "; ") + "}";
        }
        return t instanceof Class<?> c ? c.getSimpleName() : t.getTypeName();
    }

    /**
     * @param text the text to extract from, not null
     * @return the validated record
     * @throws EnrichmentException when no attempt gave a valid record
     */
    @Override
    public R enrich(String text) {
        Objects.requireNonNull(text, "text");
        Prompt prompt = Prompt.builder().task("enrich.extract").system(system).user(text).temperature(0).build();
        return RetryingGeneration.run("extract(" + type.getSimpleName() + ")", model, prompt, maxAttempts, this::parse);
    }

    private R parse(String output) throws InvalidOutputException {
        JsonNode node;
        try {
            node = JSON.readTree(RetryingGeneration.jsonIn(output, '{', '}'));
        } catch (JsonProcessingException e) {
            throw new InvalidOutputException("not valid JSON: " + e.getOriginalMessage());
        }
        for (String name : required) {
            if (node.get(name) == null || node.get(name).isNull()) {
                throw new InvalidOutputException("required field '" + name + "' is missing or null");
            }
        }
        R value;
        try {
            value = JSON.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidOutputException("does not fit " + type.getSimpleName() + ": "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        try {
            validator.accept(value);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidOutputException("invalid " + type.getSimpleName() + ": " + e.getMessage());
        }
        return value;
    }

    @Override
    public String toString() {
        return "Extractor{" + type.getSimpleName() + ", model=" + model.modelId() + ", maxAttempts=" + maxAttempts + "}";
    }

    /** Builds an {@link Extractor}; each setting may be set once. Not thread-safe. */
    public static final class Builder<R extends Record> {
        private final LanguageModel model;
        private final Class<R> type;
        private String instructions;
        private Consumer<? super R> validator;
        private int maxAttempts;

        private Builder(LanguageModel model, Class<R> type) {
            this.model = Objects.requireNonNull(model, "model");
            this.type = Objects.requireNonNull(type, "type");
            if (!type.isRecord()) {
                throw new IllegalArgumentException("Extractor needs a record type, got " + type.getName());
            }
        }

        /** @param value extra guidance appended to the system prompt (units, formats) @return this */
        public Builder<R> instructions(String value) {
            if (instructions != null) {
                throw new IllegalStateException("Extractor instructions are already set to '" + instructions + "'");
            }
            instructions = Objects.requireNonNull(value, "instructions");
            return this;
        }

        /**
         * @param value checks a parsed record; throws {@link IllegalArgumentException} or
         *     {@link IllegalStateException} with a message the model can act on to have it retried
         * @return this
         */
        public Builder<R> validator(Consumer<? super R> value) {
            if (validator != null) {
                throw new IllegalStateException("Extractor validator is already set");
            }
            validator = Objects.requireNonNull(value, "validator");
            return this;
        }

        /** @param value generations per text, 1 to 10; default {@value #DEFAULT_MAX_ATTEMPTS} @return this */
        public Builder<R> maxAttempts(int value) {
            if (maxAttempts != 0) {
                throw new IllegalStateException("Extractor maxAttempts is already set to " + maxAttempts);
            }
            if (value < 1 || value > 10) {
                throw new IllegalArgumentException("Extractor maxAttempts must be in [1, 10], was " + value);
            }
            maxAttempts = value;
            return this;
        }

        /** @return the extractor */
        public Extractor<R> build() {
            if (validator == null) {
                validator = r -> { };
            }
            if (maxAttempts == 0) {
                maxAttempts = DEFAULT_MAX_ATTEMPTS;
            }
            return new Extractor<>(this);
        }
    }
}
