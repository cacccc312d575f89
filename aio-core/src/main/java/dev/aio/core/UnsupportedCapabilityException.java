package dev.aio.core;

import java.util.Objects;

/**
 * A component was asked for something it declared it cannot do: hybrid search from a store
 * without keyword scoring, a filter operator a store cannot translate, tenants from a
 * single-tenant store. Raised before the component does any work, never by silently ignoring
 * the request. Not retriable: the same call will fail the same way.
 *
 * <p>The message names the component and the capability, and says what to do instead.
 *
 * <p>The object-store SPI has its own, bucket-aware variant in {@code dev.aio.core.storage}.
 */
public class UnsupportedCapabilityException extends NonRetriableException {

    private final String component;
    private final String capability;

    /**
     * @param component the component's name, e.g. a vector store's {@code name()}; not null
     * @param capability the missing capability in words, e.g. {@code "hybrid search (RRF)"}; not null
     * @param advice what the caller can do instead, or {@code null}
     */
    public UnsupportedCapabilityException(String component, String capability, String advice) {
        super(message(component, capability, advice));
        this.component = component;
        this.capability = capability;
    }

    /**
     * For subclasses that compose their own message (naming a bucket and key, say).
     *
     * @param component the store or provider that lacks the capability
     * @param capability what was asked for
     * @param message the whole message, which must name the component and the capability
     * @param cause the underlying failure, or {@code null}
     */
    protected UnsupportedCapabilityException(String component, String capability, String message,
            Throwable cause) {
        super(message, cause);
        this.component = component;
        this.capability = capability;
    }

    private static String message(String component, String capability, String advice) {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(capability, "capability");
        String base = "'" + component + "' does not support " + capability;
        return advice == null || advice.isBlank() ? base : base + "; " + advice;
    }

    /** @return the name of the component that refused the call */
    public String component() {
        return component;
    }

    /** @return the capability that was asked for, in words */
    public String capability() {
        return capability;
    }
}
