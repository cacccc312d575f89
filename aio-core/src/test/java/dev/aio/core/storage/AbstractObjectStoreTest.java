package dev.aio.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.NonRetriableException;
import dev.aio.core.testing.InMemoryObjectStore;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Core validates every call before a provider sees it, so every store refuses bad input alike. */
class AbstractObjectStoreTest {

    private final InMemoryObjectStore store = new InMemoryObjectStore();

    @BeforeEach
    void bucket() {
        store.ensureBucket("docs");
    }

    @Test
    void invalidNamesAreRefusedBeforeTheProviderIsCalled() {
        assertThatThrownBy(() -> store.put("Docs", "k", new byte[0])).isInstanceOf(InvalidObjectNameException.class)
                .isInstanceOf(NonRetriableException.class).hasMessageContaining("'Docs'");
        assertThatThrownBy(() -> store.get("docs", "../etc/passwd")).isInstanceOf(InvalidObjectNameException.class);
        assertThatThrownBy(() -> store.deleteAll("docs", List.of("ok", "")))
                .isInstanceOf(InvalidObjectNameException.class);
        assertThat(store.list("docs", "")).isEmpty();
    }

    @Test
    void callsNeedingACapabilityTheStoreLacksFailLoudly() {
        store.put("docs", "k", new byte[] {1});
        assertThatThrownBy(() -> store.presignGet("docs", "k", Duration.ofMinutes(1)))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("PRESIGNED_URLS")
                .hasMessageContaining("'docs'").hasMessageContaining("'k'");
        assertThatThrownBy(() -> store.get("docs", "k", GetOptions.all().withVersionId("v1")))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("VERSIONING");
        assertThatThrownBy(() -> store.put("docs", "e", new byte[0], PutOptions.builder().encryption(Encryption.s3()).build()))
                .isInstanceOf(UnsupportedCapabilityException.class).hasMessageContaining("SERVER_SIDE_ENCRYPTION");
    }

    @Test
    void aPresignExpiryOutsideOneSecondToSevenDaysIsRefused() {
        assertThatThrownBy(() -> store.presignGet("docs", "k", Duration.ofDays(8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT192H");
    }

    @Test
    void aStreamShorterThanItsLengthFailsAndOnlyTheDeclaredBytesAreRead() {
        assertThatThrownBy(() -> store.put("docs", "short", new ByteArrayInputStream(new byte[3]), 5, PutOptions.defaults()))
                .isInstanceOf(StorageRequestException.class).hasMessageContaining("ended after 3 bytes")
                .hasMessageContaining("given as 5");
        assertThat(store.exists("docs", "short")).isFalse();
        PutResult put = store.put("docs", "cut", new ByteArrayInputStream(new byte[10]), 4, PutOptions.defaults());
        assertThat(put.size()).isEqualTo(4);
    }

    @Test
    void errorMessagesNameTheStoreTheBucketAndTheKey() {
        assertThatThrownBy(() -> store.stat("docs", "missing/key"))
                .isInstanceOf(ObjectNotFoundException.class)
                .hasMessageContaining(store.name()).hasMessageContaining("'docs'").hasMessageContaining("'missing/key'")
                .satisfies(e -> {
                    ObjectNotFoundException notFound = (ObjectNotFoundException) e;
                    assertThat(notFound.bucket()).isEqualTo("docs");
                    assertThat(notFound.key()).isEqualTo("missing/key");
                    assertThat(notFound.isRetriable()).isFalse();
                });
        assertThat(new StorageUnavailableException("s", "b", null, "down", null).isRetriable()).isTrue();
    }

    @Test
    void bucketsAreListedInOrder() {
        store.ensureBucket("zeta");
        store.ensureBucket("alpha");
        assertThat(store.listBuckets()).containsExactly("alpha", "docs", "zeta");
    }
}
