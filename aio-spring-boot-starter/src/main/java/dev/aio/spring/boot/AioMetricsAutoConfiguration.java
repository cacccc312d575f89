package dev.aio.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Records the ingestor's pipeline metrics (see {@link MicrometerPipelineListener}, tag
 * {@code pipeline=ingest}) when Micrometer is on the classpath and the application has a
 * {@link MeterRegistry}; {@code aio.metrics.enabled=false} turns it off.
 */
@AutoConfiguration(before = AioAutoConfiguration.class, afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnProperty(name = "aio.metrics.enabled", havingValue = "true", matchIfMissing = true)
public class AioMetricsAutoConfiguration {

    /** The {@code pipeline} tag of the ingestor's meters. */
    public static final String INGEST_PIPELINE = "ingest";

    /** Creates the configuration; Spring calls this. */
    public AioMetricsAutoConfiguration() {
    }

    /**
     * @param registry where the meters go
     * @return the listener the ingestor reports to
     */
    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnMissingBean
    public MicrometerPipelineListener aioMicrometerPipelineListener(MeterRegistry registry) {
        return new MicrometerPipelineListener(registry, INGEST_PIPELINE);
    }
}
