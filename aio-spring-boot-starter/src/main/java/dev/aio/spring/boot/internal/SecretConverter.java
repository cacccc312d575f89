package dev.aio.spring.boot.internal;

import dev.aio.core.Secret;
import org.springframework.core.convert.converter.Converter;

/**
 * Binds secret properties ({@code aio.object-store.s3.secret-key}, {@code aio.llm.api-key},
 * {@code aio.vector-store.weaviate.api-key}) as {@link Secret}, so the value is never printed by
 * a {@code toString}, a log line or an error. A blank value binds as absent; this never throws,
 * so Boot's bind-failure report, which shows the value, never runs for a secret.
 */
public final class SecretConverter implements Converter<String, Secret> {

    @Override
    public Secret convert(String source) {
        return source.isBlank() ? null : Secret.of(source);
    }
}
