/**
 * Spring Boot 3.5 auto-configuration for aio. Add {@code dev.aio:aio-spring-boot-starter}, set
 * {@code aio.object-store.bucket} and the store's location, and the application gets an
 * {@link dev.aio.core.ingest.Ingestor}, a {@link dev.aio.core.retrieval.Retriever} and an
 * {@link dev.aio.core.answer.Answerer} built from {@link dev.aio.spring.boot.AioProperties}, with
 * the {@code aio} health contributor when Actuator is present
 * ({@link dev.aio.spring.boot.AioHealthAutoConfiguration}) and pipeline metrics when Micrometer
 * is ({@link dev.aio.spring.boot.MicrometerPipelineListener}). Every bean backs off when the
 * application defines its own. Classes under {@code dev.aio.spring.boot.internal} are not API.
 */
package dev.aio.spring.boot;
