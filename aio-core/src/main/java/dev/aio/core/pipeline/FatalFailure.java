package dev.aio.core.pipeline;

/**
 * Marks a failure that ends the whole streaming run rather than only its item: once one item
 * fails with it, every later item would fail the same way, so dead-lettering them one by one
 * would only waste work and bury the cause. A spent usage budget is the example
 * ({@code dev.aio.core.model.usage.BudgetExceededException}).
 *
 * <p>The engine looks for the marker on the failure a stage gave up on and on its causes. The
 * item that met it is dead-lettered (so the {@link RunReport} still accounts for it), then the
 * run stops as a {@linkplain PipelineBuilder#failFast() fail-fast} run would: status
 * {@link RunStatus#FAILED}, and {@link Pipeline#run} throws a {@link PipelineFailedException}
 * whose cause is the stage's failure. {@link Pipeline#call} fails with a
 * {@link StageFailedException} as for any other failure.
 *
 * <p>Implement it on exceptions of the {@link dev.aio.core.NonRetriableException} branch: a
 * retry policy still retries retriable failures before the engine sees them.
 */
public interface FatalFailure {
}
