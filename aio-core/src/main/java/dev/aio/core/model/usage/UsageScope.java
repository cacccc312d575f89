package dev.aio.core.model.usage;

/**
 * Whom a model call is charged to: a run, a tenant and a pipeline stage. The ledger sums usage
 * along each of the three, and a {@link Budget} applies per run.
 *
 * @param runId the run, such as a job id or a pipeline run's id; non-blank
 * @param tenant the tenant, or {@link #NO_TENANT}; non-blank
 * @param stage the pipeline stage or step that made the call, such as {@code summarize}; non-blank
 */
public record UsageScope(String runId, String tenant, String stage) {

    /** The tenant of calls made for no tenant in particular. */
    public static final String NO_TENANT = "(none)";

    /**
     * Validates the names.
     *
     * @throws IllegalArgumentException naming a blank component
     */
    public UsageScope {
        requireNonBlank("runId", runId);
        requireNonBlank("tenant", tenant);
        requireNonBlank("stage", stage);
    }

    /**
     * A scope with no tenant; a prompt's own tenant still takes its place when metered.
     *
     * @param runId the run
     * @param stage the stage
     * @return the scope
     */
    public static UsageScope of(String runId, String stage) {
        return new UsageScope(runId, NO_TENANT, stage);
    }

    /**
     * This scope charged to another tenant.
     *
     * @param tenant the tenant
     * @return a new scope
     */
    public UsageScope withTenant(String tenant) {
        return new UsageScope(runId, tenant, stage);
    }

    private static void requireNonBlank(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("UsageScope." + what + " must be non-blank, got '" + value + "'");
        }
    }
}
