package dev.aio.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aio.core.Secret;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void putOptionsDefaultToOctetStreamWithNoMetadata() {
        assertThat(PutOptions.defaults().contentType()).isEqualTo("application/octet-stream");
        assertThat(PutOptions.defaults().metadata()).isEmpty();
        assertThat(PutOptions.defaults().encryption()).isNull();
    }

    @Test
    void metadataKeysMustBeLowerCaseAsciiAndValuesPrintableAsciiWithoutOuterSpaces() {
        assertThatThrownBy(() -> PutOptions.builder().metadata("Owner", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Owner'").hasMessageContaining("lower");
        assertThatThrownBy(() -> PutOptions.builder().metadata("owner", "ü"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> PutOptions.builder().metadata("owner", " padded"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PutOptions.builder().metadata("x-source_v1.2", "a b").build().metadata())
                .containsEntry("x-source_v1.2", "a b");
    }

    @Test
    void aBuilderRefusesAValueSetTwiceAndMetadataOverTheS3Limit() {
        assertThatThrownBy(() -> PutOptions.builder().metadata("k", "1").metadata("k", "2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already set");
        assertThatThrownBy(() -> PutOptions.builder().contentType("text/plain").contentType("text/html"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text/plain");
        PutOptions.Builder big = PutOptions.builder().metadata("a", "x".repeat(2000));
        assertThatThrownBy(() -> big.metadata("b", "x".repeat(100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2048");
    }

    @Test
    void contentTypesMustLookLikeMediaTypes() {
        assertThat(PutOptions.contentType("text/plain; charset=utf-8").contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThatThrownBy(() -> PutOptions.contentType("plain")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'plain'");
        assertThatThrownBy(() -> PutOptions.contentType("text/plain\r\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anSseCustomerKeyMustBeBase64Of32BytesAndIsNeverShown() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        Encryption ssec = Encryption.customerKey(Secret.of(key));
        assertThat(ssec.toString()).isEqualTo("SSE-C(****)").doesNotContain(key);
        assertThat(PutOptions.builder().encryption(ssec).build().toString()).doesNotContain(key);
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> Encryption.customerKey(Secret.of(shortKey)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(shortKey));
        assertThatThrownBy(() -> Encryption.customerKey(Secret.of("not base64!")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("not base64!");
    }

    @Test
    void rangesAndListOptionsRefuseImpossibleValues() {
        assertThat(ByteRange.of(5, 10).lastInclusive()).isEqualTo(14);
        assertThat(ByteRange.from(3).toEnd()).isTrue();
        assertThatThrownBy(() -> ByteRange.of(-1, 2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> ByteRange.of(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ListOptions.recursive("").withPageSize(1001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1001");
        assertThatThrownBy(() -> ListOptions.recursive("/abs")).isInstanceOf(InvalidObjectNameException.class);
        assertThatThrownBy(() -> GetOptions.all().withEncryption(Encryption.s3()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SSE-C");
    }
}
