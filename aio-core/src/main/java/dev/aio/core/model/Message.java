package dev.aio.core.model;

import java.util.Objects;

/**
 * One turn of a conversation in a {@link Prompt}.
 *
 * @param role who speaks
 * @param text what is said, not null
 */
public record Message(Role role, String text) {

    /** Who speaks a {@link Message}. */
    public enum Role {
        /** Instructions that frame the conversation. */
        SYSTEM,
        /** The user's words. */
        USER,
        /** The model's earlier replies. */
        ASSISTANT
    }

    /**
     * Validates that no component is null.
     *
     * @throws NullPointerException naming the missing component
     */
    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }
}
