package dev.aio.spring.boot;

import dev.aio.core.model.LanguageModel;
import dev.aio.core.storage.ObjectStore;
import dev.aio.core.vector.VectorStore;
import dev.aio.spring.boot.internal.LanguageModelHealthIndicator;
import dev.aio.spring.boot.internal.ObjectStoreHealthIndicator;
import dev.aio.spring.boot.internal.VectorStoreHealthIndicator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Adds the health contributor {@code aio} (at {@code /actuator/health/aio}) when Spring Boot
 * Actuator is present: {@code objectStore} (the store answers and {@code aio.object-store.bucket}
 * exists), {@code vectorStore} (the store answers; its record count) and {@code languageModel}
 * (which model is configured; no call is made, as hosted calls cost money). Turn it off with
 * {@code management.health.aio.enabled=false}; replace it with a bean named
 * {@code aioHealthContributor}.
 */
@AutoConfiguration(after = AioAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("aio")
@EnableConfigurationProperties(AioProperties.class)
public class AioHealthAutoConfiguration {

    /** Creates the configuration; Spring calls this. */
    public AioHealthAutoConfiguration() {
    }

    /**
     * @param properties the properties, for the bucket
     * @param objectStore the object store, if there is one
     * @param vectorStore the vector store, if there is one
     * @param model the language model, if one is configured
     * @return the composite {@code aio} contributor
     */
    @Bean
    @ConditionalOnMissingBean(name = "aioHealthContributor")
    public HealthContributor aioHealthContributor(AioProperties properties, ObjectProvider<ObjectStore> objectStore,
            ObjectProvider<VectorStore> vectorStore, ObjectProvider<LanguageModel> model) {
        Map<String, HealthIndicator> parts = new LinkedHashMap<>();
        objectStore.ifAvailable(s -> parts.put("objectStore",
                new ObjectStoreHealthIndicator(s, properties.objectStore().bucket())));
        vectorStore.ifAvailable(s -> parts.put("vectorStore", new VectorStoreHealthIndicator(s)));
        parts.put("languageModel", new LanguageModelHealthIndicator(model.getIfAvailable(),
                properties.llm().provider().name().toLowerCase(java.util.Locale.ROOT)));
        return CompositeHealthContributor.fromMap(parts);
    }
}
