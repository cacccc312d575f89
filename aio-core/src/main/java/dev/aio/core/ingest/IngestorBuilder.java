package dev.aio.core.ingest;

import dev.aio.core.document.Chunker;
import dev.aio.core.document.Parsers;
import dev.aio.core.model.Embedder;
import dev.aio.core.pipeline.DeadLetterSink;
import dev.aio.core.pipeline.PipelineListener;
import dev.aio.core.pipeline.StepPolicy;
import dev.aio.core.pipeline.TimeSource;
import dev.aio.core.storage.ObjectStore;
import dev.aio.core.vector.VectorStore;
import dev.aio.core.storage.StoredObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Builds an {@link Ingestor}. Required: {@link #objectStore}, {@link #chunker},
 * {@link #embedder}, {@link #vectorStore}, {@link #ledger}. Each setting may be set once; a
 * second call is refused, naming the value already set. Not thread-safe.
 */
public final class IngestorBuilder {

    /** Texts per embedding call unless {@link #batchSize} says otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 32;
    /** Objects parsed (and written) at once unless {@link #concurrency} says otherwise. */
    public static final int DEFAULT_CONCURRENCY = 4;

    ObjectStore objectStore;
    Parsers parsers;
    Chunker chunker;
    Embedder embedder;
    VectorStore vectorStore;
    Ledger ledger;
    int batchSize;
    int concurrency;
    long maxObjects;
    String tenant;
    Function<StoredObject, ? extends Collection<String>> acl;
    final Map<String, StepPolicy> policies = new LinkedHashMap<>();
    final List<PipelineListener> listeners = new ArrayList<>();
    DeadLetterSink deadLetters;
    Executor executor;
    TimeSource timeSource;

    IngestorBuilder() {
    }

    /** @param store where the objects are @return this */
    public IngestorBuilder objectStore(ObjectStore store) {
        objectStore = once("objectStore", objectStore, store);
        return this;
    }

    /** @param registry the parsers; default {@link Parsers#standard()} @return this */
    public IngestorBuilder parsers(Parsers registry) {
        parsers = once("parsers", parsers, registry);
        return this;
    }

    /** @param value how documents are cut into chunks @return this */
    public IngestorBuilder chunker(Chunker value) {
        chunker = once("chunker", chunker, value);
        return this;
    }

    /** @param value what turns chunk texts into vectors @return this */
    public IngestorBuilder embedder(Embedder value) {
        embedder = once("embedder", embedder, value);
        return this;
    }

    /** @param store where the chunks go @return this */
    public IngestorBuilder vectorStore(VectorStore store) {
        vectorStore = once("vectorStore", vectorStore, store);
        return this;
    }

    /** @param value what remembers which versions are indexed @return this */
    public IngestorBuilder ledger(Ledger value) {
        ledger = once("ledger", ledger, value);
        return this;
    }

    /**
     * @param texts the most chunk texts per embedding call; objects are gathered up to this many
     *     at a time, so small documents share calls
     * @return this
     */
    public IngestorBuilder batchSize(int texts) {
        if (texts < 1) {
            throw new IllegalArgumentException("Ingestor batchSize must be >= 1, got " + texts);
        }
        batchSize = (int) onceNumber("batchSize", batchSize, texts);
        return this;
    }

    /** @param workers objects parsed, and written, at once; at least 1 @return this */
    public IngestorBuilder concurrency(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("Ingestor concurrency must be >= 1, got " + workers);
        }
        concurrency = (int) onceNumber("concurrency", concurrency, workers);
        return this;
    }

    /**
     * Limits each run to the first {@code limit} listed objects. A limited run never deletes
     * the chunks of unlisted objects, as it cannot know they are gone.
     *
     * @param limit at least 1
     * @return this
     */
    public IngestorBuilder maxObjects(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("Ingestor maxObjects must be >= 1, got " + limit);
        }
        maxObjects = onceNumber("maxObjects", maxObjects, limit);
        return this;
    }

    /** @param value the tenant of every record written and deleted @return this */
    public IngestorBuilder tenant(String value) {
        tenant = once("tenant", tenant, value);
        return this;
    }

    /**
     * Labels every chunk of an object with who may read it, under {@link Lineage#ACL}: the
     * principals and groups a {@code dev.aio.core.retrieval.AccessContext} is matched against.
     * The function is called for each chunk written, so keep it cheap: read the listing's
     * metadata or a map, not the network. Labels are part of the record, not of the content
     * fingerprint: after changing an unchanged object's labels, re-ingest it (e.g. with a new
     * ledger entry) for them to take effect.
     *
     * <pre>{@code
     * builder.acl(object -> List.of(object.key().startsWith("hr/") ? "group:hr" : "group:staff"));
     * }</pre>
     *
     * @param labels the object's labels; a null or empty result writes no labels, which makes
     *     the chunks invisible to multi-tenant retrieval (deny by default)
     * @return this
     */
    public IngestorBuilder acl(Function<StoredObject, ? extends Collection<String>> labels) {
        acl = once("acl", acl, labels);
        return this;
    }

    /**
     * @param stage one of {@link Ingestor#STAGE_PARSE}, {@link Ingestor#STAGE_CHUNK},
     *     {@link Ingestor#STAGE_EMBED}, {@link Ingestor#STAGE_WRITE}
     * @param policy its retry, timeout, rate limit... policy
     * @return this
     */
    public IngestorBuilder policy(String stage, StepPolicy policy) {
        if (!Ingestor.STAGES.contains(stage)) {
            throw new IllegalArgumentException("Ingestor has no stage '" + stage + "'; stages are " + Ingestor.STAGES);
        }
        if (policies.containsKey(stage)) {
            throw new IllegalStateException("Ingestor policy for stage '" + stage + "' is already "
                    + policies.get(stage));
        }
        policies.put(stage, Objects.requireNonNull(policy, "policy"));
        return this;
    }

    /**
     * Adds a listener that observes the pipeline's runs; several may be added (logging, metrics,
     * tracing) and are called in the order added.
     *
     * @param value the listener
     * @return this
     */
    public IngestorBuilder listener(PipelineListener value) {
        listeners.add(Objects.requireNonNull(value, "listener"));
        return this;
    }

    /** @param sink also receives every dead letter (the report keeps them too) @return this */
    public IngestorBuilder deadLetters(DeadLetterSink sink) {
        deadLetters = once("deadLetters", deadLetters, sink);
        return this;
    }

    /** @param value runs the pipeline's workers @return this */
    public IngestorBuilder executor(Executor value) {
        executor = once("executor", executor, value);
        return this;
    }

    /** @param value the clock for entries, reports and batch waits @return this */
    public IngestorBuilder timeSource(TimeSource value) {
        timeSource = once("timeSource", timeSource, value);
        return this;
    }

    /**
     * @return the ingestor
     * @throws IllegalStateException naming what is missing
     */
    public Ingestor build() {
        require(objectStore, "objectStore");
        require(chunker, "chunker");
        require(embedder, "embedder");
        require(vectorStore, "vectorStore");
        require(ledger, "ledger");
        if (parsers == null) {
            parsers = Parsers.standard();
        }
        return new Ingestor(this);
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalStateException("Ingestor needs " + name + "(...) before build()");
        }
    }

    private static <T> T once(String name, T current, T value) {
        Objects.requireNonNull(value, name);
        if (current != null) {
            throw new IllegalStateException("Ingestor " + name + " is already set to " + current);
        }
        return value;
    }

    private static long onceNumber(String name, long current, long value) {
        if (current != 0) {
            throw new IllegalStateException("Ingestor " + name + " is already set to " + current);
        }
        return value;
    }
}
