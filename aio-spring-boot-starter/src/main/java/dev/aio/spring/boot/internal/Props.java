package dev.aio.spring.boot.internal;

import java.util.function.Supplier;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Turns a missing or refused {@code aio.*} value into the exception Spring Boot's failure
 * analyzer reports as "Invalid value ... for configuration property ...", so startup fails with
 * the property's name and what to do. Values of secret properties are never passed here.
 */
public final class Props {

    private Props() {
    }

    /**
     * @param property the property, such as {@code aio.object-store.bucket}
     * @param when why it is needed, such as "when aio.object-store.type=s3"
     * @return the exception to throw
     */
    public static InvalidConfigurationPropertyValueException missing(String property, String when) {
        return new InvalidConfigurationPropertyValueException(property, null, "it is required " + when);
    }

    /**
     * @param value the bound value, or null
     * @param property the property
     * @param when why it is needed
     * @param <T> its type
     * @return the value
     * @throws InvalidConfigurationPropertyValueException when it is null or a blank string
     */
    public static <T> T require(T value, String property, String when) {
        if (value == null || (value instanceof CharSequence s && s.toString().isBlank())) {
            throw missing(property, when);
        }
        return value;
    }

    /**
     * Runs a builder step and reports what it refuses as a bad value of the property. A value
     * that may carry credentials is kept out of the message, even where the builder echoes it.
     *
     * @param property the property the step uses
     * @param value the value to show in the message (never a secret)
     * @param step the builder call
     * @param <T> what it returns
     * @return what the step returned
     */
    public static <T> T apply(String property, Object value, Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException | IllegalStateException | dev.aio.core.AioException e) {
            String reason = String.valueOf(e.getMessage());
            if (value instanceof String s && shown(s) != s) {
                // Some builders echo the URL they refuse; one with user info may hold a password.
                reason = reason.replace(s, "(the value)");
            }
            throw new InvalidConfigurationPropertyValueException(property, shown(value), reason);
        }
    }

    /**
     * A URL as it may be shown: one carrying user info (a password, perhaps) is not shown.
     *
     * @param value the value
     * @return the value, or a notice in its place
     */
    public static Object shown(Object value) {
        if (value instanceof String s && s.contains("@")) {
            return "(not shown: it contains '@', perhaps credentials)";
        }
        return value;
    }

    /**
     * Fails startup when an optional library that a property selects is missing.
     *
     * @param className a class of the library
     * @param property the property that selected it, with its value, such as {@code aio.llm.provider=openai}
     * @param artifact the Maven coordinates to add
     */
    public static void requireClass(String className, String property, String artifact) {
        // The default class loader is the thread's context loader: the application's, in a container.
        if (!org.springframework.util.ClassUtils.isPresent(className, null)) {
            throw new IllegalStateException(property + " needs " + artifact + " on the classpath; add that "
                    + "dependency or choose another value");
        }
    }
}
