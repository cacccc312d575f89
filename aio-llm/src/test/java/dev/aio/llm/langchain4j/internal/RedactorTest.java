package dev.aio.llm.langchain4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aio.core.Secret;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static final String KEY = "sk-live-abcdef0123456789";

    @Test
    void aChainThatHoldsTheKeyIsCopiedWithMaskedMessagesAndTheSameShape() {
        IllegalStateException original = new IllegalStateException("outer",
                new RuntimeException("body said " + KEY + " is wrong"));
        original.addSuppressed(new RuntimeException("also " + KEY));

        Throwable safe = Redactor.of(List.of(Secret.of(KEY))).sanitize(original);

        StringWriter printed = new StringWriter();
        safe.printStackTrace(new PrintWriter(printed));
        assertThat(printed.toString()).doesNotContain(KEY).contains("body said **** is wrong")
                .contains("java.lang.IllegalStateException (redacted): outer");
        assertThat(safe.getStackTrace()).isEqualTo(original.getStackTrace());
        assertThat(safe.getCause()).isNotNull();
        assertThat(safe.getSuppressed()).hasSize(1);
    }

    @Test
    void aChainWithoutTheKeyIsKeptAsItIsSoCallersCanTestItsTypes() {
        RuntimeException clean = new RuntimeException("nothing secret");
        assertThat(Redactor.of(List.of(Secret.of(KEY))).sanitize(clean)).isSameAs(clean);
        assertThat(Redactor.none().sanitize(clean)).isSameAs(clean);
    }

    @Test
    void theHttpClientMasksEveryCredentialTheRequestCarried() {
        HttpRequest request = HttpRequest.builder().method(HttpMethod.POST).url("http://127.0.0.1/v1/x")
                .addHeader("Authorization", "Bearer " + KEY).addHeader("x-api-key", "ant-key-42424242")
                .addHeader("Content-Type", "application/json").build();

        Redactor credentials = HeaderKeepingHttpClient.credentials(request);

        assertThat(credentials.redact("key " + KEY + ", header Bearer " + KEY + ", other ant-key-42424242 json"))
                .isEqualTo("key ****, header ****, other **** json");
    }
}
