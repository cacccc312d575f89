package dev.aio.llm.langchain4j;

import dev.aio.core.model.Generation;
import dev.aio.llm.langchain4j.internal.Conversions;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * Receives one streamed answer from a langchain4j model on the provider's thread, passes each
 * piece to the caller's consumer, and lets the calling thread wait for the end. The first
 * outcome wins: after the consumer fails, the stream is cancelled and later events are ignored.
 */
final class StreamCollector implements StreamingChatResponseHandler {

    /** The caller's consumer failed; its exception is the cause. */
    static final class ConsumerFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ConsumerFailure(Throwable cause) {
            super(cause);
        }
    }

    /** The provider reported an error; its exception is the cause. */
    static final class ProviderFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ProviderFailure(Throwable cause) {
            super(cause);
        }
    }

    private final Consumer<String> onToken;
    private final String modelId;
    private final CountDownLatch done = new CountDownLatch(1);
    private final StringBuilder text = new StringBuilder();
    // Written by the provider's thread before done.countDown(), read by the caller after await().
    private volatile Generation result;
    private volatile Exception failure;
    private volatile StreamingHandle handle;

    StreamCollector(Consumer<String> onToken, String modelId) {
        this.onToken = onToken;
        this.modelId = modelId;
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        handle = context.streamingHandle();
        deliver(partial.text());
    }

    /** Models that do not offer a cancellation handle call this form instead. */
    @Override
    public void onPartialResponse(String partial) {
        deliver(partial);
    }

    private void deliver(String piece) {
        if (done.getCount() == 0 || piece == null || piece.isEmpty()) {
            return;
        }
        try {
            onToken.accept(piece);
            text.append(piece);
        } catch (RuntimeException | Error e) {
            finish(null, new ConsumerFailure(e));
            cancel();
        }
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        if (done.getCount() == 0) {
            return;
        }
        Generation g = Conversions.toGeneration(response, modelId);
        // The pieces, concatenated, must equal the generation's text (LanguageModel's contract);
        // providers that stream text but leave the final message empty get the pieces.
        if (g.text().isEmpty() && text.length() > 0) {
            g = new Generation(text.toString(), g.finishReason(), g.usage(), g.modelId());
        }
        finish(g, null);
    }

    @Override
    public void onError(Throwable error) {
        finish(null, new ProviderFailure(error));
    }

    void cancel() {
        StreamingHandle h = handle;
        if (h != null) {
            try {
                h.cancel();
            } catch (RuntimeException ignored) {
                // Providers whose client cannot cancel: the remaining events are ignored instead.
            }
        }
    }

    Generation await() throws InterruptedException, ConsumerFailure, ProviderFailure {
        done.await();
        Exception f = failure;
        if (f instanceof ConsumerFailure c) {
            throw c;
        }
        if (f instanceof ProviderFailure p) {
            throw p;
        }
        return result;
    }

    private synchronized void finish(Generation generation, Exception error) {
        if (done.getCount() == 0) {
            return;
        }
        result = generation;
        failure = error;
        done.countDown();
    }
}
