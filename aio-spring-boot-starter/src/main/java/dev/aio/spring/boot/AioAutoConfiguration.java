package dev.aio.spring.boot;

import dev.aio.core.answer.Answerer;
import dev.aio.core.answer.AnswererBuilder;
import dev.aio.core.document.Chunker;
import dev.aio.core.document.Parsers;
import dev.aio.core.ingest.Ingestor;
import dev.aio.core.ingest.IngestorBuilder;
import dev.aio.core.ingest.Ledger;
import dev.aio.core.model.Embedder;
import dev.aio.core.model.LanguageModel;
import dev.aio.core.pipeline.PipelineListener;
import dev.aio.core.retrieval.Reranker;
import dev.aio.core.retrieval.Retriever;
import dev.aio.core.storage.ObjectStore;
import dev.aio.core.vector.VectorStore;
import dev.aio.spring.boot.internal.Ledgers;
import dev.aio.spring.boot.internal.LanguageModels;
import dev.aio.spring.boot.internal.Models;
import dev.aio.spring.boot.internal.ObjectStores;
import dev.aio.spring.boot.internal.Props;
import dev.aio.spring.boot.internal.SecretConverter;
import dev.aio.spring.boot.internal.StartupIngest;
import dev.aio.spring.boot.internal.VectorStores;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Builds aio's components from {@link AioProperties}: the object store, the embedder and its
 * chunker, the vector store, the ledger, the optional language model, and from them the
 * {@link Ingestor}, {@link Retriever} and {@link Answerer}. Every bean backs off when the
 * application defines one of the same type; the closeable ones are closed with the context.
 * Every {@link PipelineListener} bean (such as the {@link MicrometerPipelineListener} that
 * {@link AioMetricsAutoConfiguration} adds) observes the ingestor, in bean order.
 */
@AutoConfiguration
@EnableConfigurationProperties(AioProperties.class)
public class AioAutoConfiguration {

    /** Creates the configuration; Spring calls this. */
    public AioAutoConfiguration() {
    }

    /**
     * Binds secret properties as {@link dev.aio.core.Secret}; static so it exists before binding.
     *
     * @return the converter
     */
    @Bean
    @ConfigurationPropertiesBinding
    static SecretConverter aioSecretConverter() {
        return new SecretConverter();
    }

    /**
     * @param properties the properties
     * @return the filesystem or S3 store {@code aio.object-store.type} names
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public ObjectStore aioObjectStore(AioProperties properties) {
        return ObjectStores.create(properties.objectStore());
    }

    /**
     * @param properties the properties
     * @return the in-process all-MiniLM-L6-v2 embedder
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Embedder aioEmbedder(AioProperties properties) {
        return Models.embedder(properties.embedder());
    }

    /**
     * @param properties the properties
     * @param embedder the embedder, whose tokenizer counts the chunks' tokens
     * @return the chunker
     */
    @Bean
    @ConditionalOnMissingBean
    public Chunker aioChunker(AioProperties properties, Embedder embedder) {
        return Models.chunker(properties.chunker(), embedder);
    }

    /**
     * @param properties the properties
     * @param embedder the embedder, whose dimensions size the store
     * @return the in-memory, Lucene or Weaviate store {@code aio.vector-store.type} names
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public VectorStore aioVectorStore(AioProperties properties, Embedder embedder) {
        return VectorStores.create(properties.vectorStore(), embedder);
    }

    /**
     * @param properties the properties
     * @return the in-memory or SQLite ledger {@code aio.ledger.type} names
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Ledger aioLedger(AioProperties properties) {
        return Ledgers.create(properties.ledger());
    }

    /**
     * Only when {@code aio.llm.provider} names a vendor; without a model answers are extractive.
     *
     * @param properties the properties
     * @return the model; building it makes no call
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnExpression("!'${aio.llm.provider:none}'.trim().equalsIgnoreCase('none')")
    public LanguageModel aioLanguageModel(AioProperties properties) {
        return LanguageModels.create(properties.llm());
    }

    /**
     * @param properties the properties
     * @param store where the objects are
     * @param chunker cuts documents
     * @param embedder embeds chunks
     * @param vectors where the chunks go
     * @param ledger remembers what was ingested
     * @param parsers the application's parsers, if it defines them; else the standard ones
     * @param listeners every {@link PipelineListener} bean
     * @return the ingestor
     */
    @Bean
    @ConditionalOnMissingBean
    public Ingestor aioIngestor(AioProperties properties, ObjectStore store, Chunker chunker, Embedder embedder,
            VectorStore vectors, Ledger ledger, ObjectProvider<Parsers> parsers,
            ObjectProvider<PipelineListener> listeners) {
        IngestorBuilder b = Ingestor.builder().objectStore(store).chunker(chunker).embedder(embedder)
                .vectorStore(vectors).ledger(ledger).parsers(parsers.getIfAvailable(Parsers::standard));
        AioProperties.Ingest p = properties.ingest();
        if (p.batchSize() != null) {
            Props.apply("aio.ingest.batch-size", p.batchSize(), () -> b.batchSize(p.batchSize()));
        }
        if (p.concurrency() != null) {
            Props.apply("aio.ingest.concurrency", p.concurrency(), () -> b.concurrency(p.concurrency()));
        }
        // Each in bean order; the engine isolates them, so one that throws silences none of the others.
        listeners.orderedStream().forEach(b::listener);
        return b.build();
    }

    /**
     * @param embedder embeds questions
     * @param vectors where the chunks are
     * @param reranker the application's reranker, if it defines one
     * @return the retriever
     */
    @Bean
    @ConditionalOnMissingBean
    public Retriever aioRetriever(Embedder embedder, VectorStore vectors, ObjectProvider<Reranker> reranker) {
        Retriever.Builder b = Retriever.builder().embedder(embedder).vectorStore(vectors);
        reranker.ifAvailable(b::reranker);
        return b.build();
    }

    /**
     * @param retriever finds the passages
     * @param model the language model, if one is configured; else answers are extractive
     * @param embedder the embedder, whose tokenizer counts the context's tokens when it shares one
     * @return the answerer
     */
    @Bean
    @ConditionalOnMissingBean
    public Answerer aioAnswerer(Retriever retriever, ObjectProvider<LanguageModel> model, Embedder embedder) {
        AnswererBuilder b = Answerer.builder().retriever(retriever);
        model.ifAvailable(b::languageModel);
        embedder.modelTokenizer().ifPresent(b::tokenizer);
        return b.build();
    }

    /**
     * Ingests {@code aio.object-store.bucket}/{@code prefix} once the application has started.
     *
     * @param properties the properties
     * @param ingestor the ingestor
     * @return the runner
     */
    @Bean
    @ConditionalOnProperty(name = "aio.ingest.on-startup", havingValue = "true")
    public StartupIngest aioStartupIngest(AioProperties properties, Ingestor ingestor) {
        String bucket = ObjectStores.bucket(properties.objectStore());
        return new StartupIngest(ingestor, bucket, ObjectStores.prefix(properties.objectStore(), bucket));
    }
}
