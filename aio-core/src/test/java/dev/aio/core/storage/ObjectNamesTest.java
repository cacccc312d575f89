package dev.aio.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ObjectNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "my-bucket.v2", "a1b", "abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefgh"})
    void s3StyleBucketNamesAreAccepted(String bucket) {
        assertThat(ObjectNames.requireValidBucket(bucket)).isEqualTo(bucket);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Upper", "under_score", "-leading", "trailing-", "two..dots", "dot.-dash",
            "192.168.1.1", "with space"})
    void invalidBucketNamesAreRefusedNamingTheValue(String bucket) {
        assertThatThrownBy(() -> ObjectNames.requireValidBucket(bucket)).isInstanceOf(InvalidObjectNameException.class)
                .hasMessageContaining(bucket);
    }

    @Test
    void aBucketNameLongerThanSixtyThreeCharactersIsRefused() {
        assertThatThrownBy(() -> ObjectNames.requireValidBucket("x".repeat(64)))
                .isInstanceOf(InvalidObjectNameException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "with space", "ünï/cødé", "100%", "a+b=c", "deep/er/and/deeper/", ".hidden", "a..b",
            "..dots-inside", "\uD83D\uDE00"})
    void keysS3AcceptsAreAccepted(String key) {
        assertThat(ObjectNames.requireValidKey("b", key)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/abs", "..", "../up", "a/../b", "a/./b", "a/.", "nul\u0000", "tab\there", "del\u007f"})
    void keysThatCouldNameSomethingElseAreRefused(String key) {
        assertThatThrownBy(() -> ObjectNames.requireValidKey("bucket-x", key))
                .isInstanceOf(InvalidObjectNameException.class).hasMessageContaining("bucket-x")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u0000"));
    }

    @Test
    void keysOverTheS3LengthLimitOrWithUnpairedSurrogatesAreRefused() {
        assertThatThrownBy(() -> ObjectNames.requireValidKey("b", "é".repeat(513)))
                .isInstanceOf(InvalidObjectNameException.class).hasMessageContaining("1026 UTF-8 bytes");
        assertThat(ObjectNames.requireValidKey("b", "é".repeat(512))).hasSize(512);
        assertThatThrownBy(() -> ObjectNames.requireValidKey("b", "broken\uD800"))
                .isInstanceOf(InvalidObjectNameException.class).hasMessageContaining("surrogate");
    }

    @Test
    void aPrefixMayBeEmptyEndInASlashOrEndInAPartialDotSegment() {
        assertThat(ObjectNames.requireValidPrefix("b", "")).isEmpty();
        assertThat(ObjectNames.requireValidPrefix("b", "dir/")).isEqualTo("dir/");
        assertThat(ObjectNames.requireValidPrefix("b", "dir/.")).isEqualTo("dir/.");
        assertThatThrownBy(() -> ObjectNames.requireValidPrefix("b", "../dir/"))
                .isInstanceOf(InvalidObjectNameException.class);
    }

    @Test
    void keysCompareInUtf8ByteOrderNotUtf16Order() {
        List<String> keys = Arrays.asList("\uFF5E", "\uD83D\uDE00", "a/b", "a-b", "a", "é");
        keys.sort(ObjectNames::compareKeys);
        List<String> byBytes = Arrays.asList("\uFF5E", "\uD83D\uDE00", "a/b", "a-b", "a", "é");
        byBytes.sort((x, y) -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
        assertThat(keys).isEqualTo(byBytes).containsExactly("a", "a-b", "a/b", "é", "\uFF5E", "\uD83D\uDE00");
    }

    @Test
    void quotingEscapesControlCharactersAndCutsLongNames() {
        assertThat(ObjectNames.quote("a\nb")).isEqualTo("'a\\u000ab'");
        assertThat(ObjectNames.quote("x".repeat(300))).hasSize(205).endsWith("...'");
        assertThat(ObjectNames.quote(null)).isEqualTo("null");
    }
}
