/**
 * Token and cost accounting: a {@link dev.aio.core.model.usage.UsageLedger} records every model
 * call's token usage and its cost from a {@link dev.aio.core.model.usage.PriceTable}, sums them per
 * run, tenant, stage and model, and enforces an optional per-run
 * {@link dev.aio.core.model.usage.Budget} that stops a pipeline run with a
 * {@link dev.aio.core.model.usage.BudgetExceededException}.
 *
 * <p>Why in aio-core rather than aio-llm (where the issue listed it): accounting needs only the
 * {@link dev.aio.core.model.LanguageModel} SPI, so it works with every provider, and the budget
 * must stop a pipeline run, which the engine in core has to recognise
 * ({@link dev.aio.core.pipeline.FatalFailure}). Core's allowed libraries suffice.
 *
 * <pre>{@code
 * UsageLedger ledger = UsageLedger.builder()
 *     .prices(PriceTable.builder().price("gpt-4o-mini", "0.15", "0.60").build())
 *     .runBudget(Budget.ofCost(new BigDecimal("5.00")))
 *     .build();
 * LanguageModel summarizer = ledger.meter(model, UsageScope.of("nightly-2024-06-01", "summarize"));
 * }</pre>
 */
package dev.aio.core.model.usage;
