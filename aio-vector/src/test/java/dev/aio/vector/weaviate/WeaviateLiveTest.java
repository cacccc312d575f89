package dev.aio.vector.weaviate;

import dev.aio.core.Secret;
import dev.aio.core.vector.VectorStore;
import dev.aio.vector.testing.VectorStoreContract;
import java.io.IOException;
import java.util.UUID;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The contract against a real Weaviate (1.33 or later for every operator), run only when
 * {@code WEAVIATE_URL} is set, e.g. {@code WEAVIATE_URL=http://localhost:8080}; an API key is
 * taken from {@code WEAVIATE_API_KEY} when set. Each test uses a class of its own and deletes it.
 */
@EnabledIfEnvironmentVariable(named = "WEAVIATE_URL", matches = ".+")
class WeaviateLiveTest extends VectorStoreContract {

    private String className;

    @Override
    protected VectorStore newStore() {
        className = "AioLive" + UUID.randomUUID().toString().replace("-", "");
        WeaviateVectorStoreBuilder b = WeaviateVectorStore.builder().url(System.getenv("WEAVIATE_URL"))
                .className(className);
        String key = System.getenv("WEAVIATE_API_KEY");
        if (key != null && !key.isEmpty()) {
            b.apiKey(Secret.of(key));
        }
        return b.build();
    }

    @AfterEach
    void dropClass() throws IOException {
        String base = System.getenv("WEAVIATE_URL").replaceAll("/$", "");
        Request.Builder rb = new Request.Builder().url(base + "/v1/schema/" + className).delete();
        String key = System.getenv("WEAVIATE_API_KEY");
        if (key != null && !key.isEmpty()) {
            rb.header("Authorization", "Bearer " + key);
        }
        OkHttpClient client = new OkHttpClient();
        try (Response ignored = client.newCall(rb.build()).execute()) {
            // The class is gone or never existed; either way the server is clean.
        } finally {
            client.dispatcher().executorService().shutdown();
        }
    }
}
