package dev.aio.core.pipeline.internal;

import java.util.Iterator;
import java.util.concurrent.BlockingQueue;

/** Reads the source on a thread of its own and feeds the first segment's bounded queue. */
final class SourceReader implements Runnable {

    private final StreamingRun run;
    private final Iterator<?> source;

    SourceReader(StreamingRun run, Iterator<?> source) {
        this.run = run;
        this.source = source;
    }

    @Override
    public void run() {
        BlockingQueue<Envelope> first = run.queues[0];
        try {
            while (!run.stopping() && source.hasNext()) {
                Object item = source.next();
                run.itemRead();
                if (item == null) {
                    run.deadLetterFromSource(run.readCount() - 1);
                    continue;
                }
                first.put(new Envelope(item, new Tracker(run)));
            }
            if (!run.stopping()) {
                first.put(Envelope.END);
            }
        } catch (InterruptedException e) {
            if (!run.stopping()) {
                run.interruptedFromOutside();
            }
        } catch (RuntimeException | Error e) {
            run.fail("the source of pipeline '" + run.engine.name + "' failed after " + run.readCount() + " items", e);
        }
    }
}
