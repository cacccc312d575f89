package dev.aio.core.model.usage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Per-model prices per million tokens, in one currency; the basis of estimated costs in a
 * {@link UsageLedger} and of cost rules in a {@code ModelRouter}. Immutable and thread-safe.
 *
 * <pre>{@code
 * PriceTable prices = PriceTable.builder()
 *     .currency("USD")
 *     .price("gpt-4o-mini", "0.15", "0.60")
 *     .price("gpt-4o", "2.50", "10.00")
 *     .build();
 * }</pre>
 *
 * <p>Costs are estimates: they use the token counts the provider reported and the prices given
 * here, not the provider's invoice.
 */
public final class PriceTable {

    /** A table with no prices: every model is unpriced. */
    public static final PriceTable EMPTY = builder().build();

    /** The currency assumed when none is given. */
    public static final String DEFAULT_CURRENCY = "USD";

    private final String currency;
    private final Map<String, ModelPrice> prices;
    private final ModelPrice fallback;

    private PriceTable(Builder b) {
        this.currency = b.currency;
        this.prices = Map.copyOf(b.prices);
        this.fallback = b.fallback;
    }

    /**
     * Starts a table.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The price of a model: its own, else the table's {@linkplain Builder#defaultPrice default}.
     *
     * @param modelId the model's id, as in {@link dev.aio.core.model.LanguageModel#modelId()}
     * @return the price, or empty when the model is unpriced
     */
    public Optional<ModelPrice> priceOf(String modelId) {
        ModelPrice own = prices.get(Objects.requireNonNull(modelId, "modelId"));
        return Optional.ofNullable(own != null ? own : fallback);
    }

    /** @return the currency of every price, such as {@code USD} */
    public String currency() {
        return currency;
    }

    /** @return the ids of the models with a price of their own */
    public Set<String> models() {
        return prices.keySet();
    }

    @Override
    public String toString() {
        return "PriceTable[" + currency + ", models=" + new java.util.TreeSet<>(prices.keySet())
                + (fallback == null ? "" : ", default=" + fallback) + "]";
    }

    /** Builds a {@link PriceTable}; not thread-safe. */
    public static final class Builder {

        private String currency = DEFAULT_CURRENCY;
        private final Map<String, ModelPrice> prices = new LinkedHashMap<>();
        private ModelPrice fallback;

        private Builder() {
        }

        /**
         * Names the currency of every price.
         *
         * @param code a non-blank code, such as {@code EUR}
         * @return this builder
         */
        public Builder currency(String code) {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("PriceTable.currency must be non-blank, got '" + code + "'");
            }
            this.currency = code;
            return this;
        }

        /**
         * Prices a model.
         *
         * @param modelId the model's id, non-blank
         * @param inputPerMillion the price of a million prompt tokens, as a decimal string
         * @param outputPerMillion the price of a million generated tokens, as a decimal string
         * @return this builder
         * @throws IllegalArgumentException when the model is priced twice or a price is negative
         */
        public Builder price(String modelId, String inputPerMillion, String outputPerMillion) {
            return price(modelId, ModelPrice.of(inputPerMillion, outputPerMillion));
        }

        /**
         * Prices a model.
         *
         * @param modelId the model's id, non-blank
         * @param price its price
         * @return this builder
         * @throws IllegalArgumentException when the model is priced twice
         */
        public Builder price(String modelId, ModelPrice price) {
            if (modelId == null || modelId.isBlank()) {
                throw new IllegalArgumentException("PriceTable.price needs a non-blank model id, got '" + modelId + "'");
            }
            Objects.requireNonNull(price, "price");
            if (prices.putIfAbsent(modelId, price) != null) {
                throw new IllegalArgumentException("PriceTable: model '" + modelId + "' is already priced at "
                        + prices.get(modelId) + "; price each model once");
            }
            return this;
        }

        /**
         * Prices every model that has no price of its own.
         *
         * @param price the default price
         * @return this builder
         * @throws IllegalStateException when a default was already set
         */
        public Builder defaultPrice(ModelPrice price) {
            if (fallback != null) {
                throw new IllegalStateException("PriceTable.defaultPrice is already set to " + fallback + "; set it once");
            }
            this.fallback = Objects.requireNonNull(price, "price");
            return this;
        }

        /**
         * Builds the table.
         *
         * @return the immutable table
         */
        public PriceTable build() {
            return new PriceTable(this);
        }
    }
}
