package dev.aio.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.document.Chunkers;
import dev.aio.core.document.Parsers;
import dev.aio.core.ingest.InMemoryLedger;
import dev.aio.core.ingest.Ingestor;
import dev.aio.core.ingest.Lineage;
import dev.aio.core.testing.InMemoryObjectStore;
import dev.aio.core.vector.SearchHit;
import dev.aio.core.vector.VectorRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tenant and ACL labels written by the real Ingestor are what the Retriever enforces. */
class IngestedAccessTest {

    final InMemoryObjectStore objects = new InMemoryObjectStore();
    final ExactVectorStore vectors = ExactVectorStore.withTenants();

    void put(String bucket, String key, String text) {
        objects.put(bucket, key, text.getBytes(StandardCharsets.UTF_8));
    }

    void ingest(String tenant, String bucket) {
        Ingestor ingestor = Ingestor.builder().objectStore(objects).parsers(Parsers.standard())
                .chunker(Chunkers.characters(200, 0)).embedder(Corpus.embedder()).vectorStore(vectors)
                .ledger(new InMemoryLedger()).tenant(tenant)
                .acl(object -> object.key().startsWith("hr/") ? List.of("group:hr") : List.of(AccessContext.EVERYONE))
                .build();
        ingestor.run(bucket, "");
    }

    @Test
    void theIngestorLabelsChunksAndTheRetrieverHonoursTheLabels() {
        objects.ensureBucket("acme-docs");
        objects.ensureBucket("globex-docs");
        put("acme-docs", "hr/salaries.txt", "bonus payments are made in march");
        put("acme-docs", "handbook.txt", "bonus payments policy for all staff");
        put("globex-docs", "handbook.txt", "bonus payments policy at globex");
        ingest("acme", "acme-docs");
        ingest("globex", "globex-docs");

        assertThat(vectors.all()).extracting(VectorRecord::tenant).containsOnly("acme", "globex");
        assertThat(vectors.all()).filteredOn(r -> r.metadata().get(Lineage.KEY).equals("hr/salaries.txt"))
                .singleElement().satisfies(r -> assertThat(r.metadata().get(Lineage.ACL)).isEqualTo(List.of("group:hr")));
        Retriever retriever = Retriever.builder().embedder(Corpus.embedder()).vectorStore(vectors).multiTenant()
                .build();

        List<SearchHit> staff = retriever.retrieve(RetrievalRequest.builder("bonus payments").topK(10)
                .access(AccessContext.of("user:sam", "acme", "group:eng")).build());
        List<SearchHit> hr = retriever.retrieve(RetrievalRequest.builder("bonus payments").topK(10)
                .access(AccessContext.of("user:hana", "acme", "group:hr")).build());

        assertThat(staff).extracting(h -> h.metadata().get(Lineage.BUCKET) + "/" + h.metadata().get(Lineage.KEY))
                .containsExactly("acme-docs/handbook.txt");
        assertThat(hr).extracting(h -> (String) h.metadata().get(Lineage.KEY))
                .containsExactlyInAnyOrder("handbook.txt", "hr/salaries.txt");
    }
}
