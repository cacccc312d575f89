package dev.aio.cli;

import dev.aio.core.pipeline.PipelineListener;
import dev.aio.core.pipeline.Progress;
import dev.aio.core.pipeline.RunReport;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on a terminal, redrawn in place. The listing is streamed, so until it
 * ends the objects listed so far stand in for the total.
 */
final class ProgressBar implements PipelineListener {

    private static final int WIDTH = 30;

    private final PrintStream terminal;
    private boolean drawn;

    ProgressBar(PrintStream terminal) {
        this.terminal = terminal;
    }

    @Override
    public synchronized void onProgress(Progress p) {
        long total = p.total() >= 0 ? p.total() : p.read();
        int filled = total <= 0 ? 0 : (int) Math.min(WIDTH, p.done() * WIDTH / total);
        terminal.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d objects %.1f/s", "#".repeat(filled),
                ".".repeat(WIDTH - filled), p.done(), total, p.ratePerSecond()));
        terminal.flush();
        drawn = true;
    }

    @Override
    public synchronized void onRunEnd(RunReport report) {
        if (drawn) {
            terminal.println();
            drawn = false;
        }
    }
}
