package dev.aio.core.pipeline.internal;

/** An item in a queue between worker groups, with the tracker of the source item(s) it came from. */
final class Envelope {

    /** Marks the end of the input; passed on once every worker of a group has finished. */
    static final Envelope END = new Envelope(null, null);

    final Object value;
    final Tracker tracker;

    Envelope(Object value, Tracker tracker) {
        this.value = value;
        this.tracker = tracker;
    }
}
