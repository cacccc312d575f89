package dev.aio.llm.langchain4j.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

    @Test
    void readsDelaySecondsAndHttpDates() {
        assertThat(RetryAfter.parse("120", clock)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("1.5", clock)).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:30 GMT", clock)).contains(Duration.ofSeconds(30));
    }

    @Test
    void aDateInThePastMeansNowAndGarbageMeansNoHint() {
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("12abc", clock)).isEmpty();
        assertThat(RetryAfter.parse("", clock)).isEmpty();
    }

    @Test
    void absurdWaitsAreClampedToAnHour() {
        assertThat(RetryAfter.parse("99999999", clock)).contains(RetryAfter.MAX);
    }

    @Test
    void openAisMillisecondHeaderIsPreferredAndHeaderNamesIgnoreCase() {
        ProviderHttpException both = new ProviderHttpException(429,
                Map.of("Retry-After-Ms", List.of("250"), "RETRY-AFTER", List.of("9")), "{}");
        ProviderHttpException seconds = new ProviderHttpException(429, Map.of("retry-after", List.of("9")), "{}");
        assertThat(RetryAfter.of(both, clock)).contains(Duration.ofMillis(250));
        assertThat(RetryAfter.of(seconds, clock)).contains(Duration.ofSeconds(9));
    }
}
