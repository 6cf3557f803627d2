package io.rushes.jobs.cli;

import java.io.Console;
import java.io.PrintStream;

/**
 * The render command's progress bar, redrawn in place on the terminal's error stream; nothing when the output is not
 * a terminal (a log file or a pipe gets the per-file lines alone) or when there is a single file.
 */
final class RenderProgress implements AutoCloseable {
    private final PrintStream out;
    private final long total;
    private final String unit;
    private final long start = System.nanoTime();
    private long done;
    private boolean shown;

    private RenderProgress(PrintStream out, long total, String unit) {
        this.out = out;
        this.total = total;
        this.unit = unit;
    }

    static RenderProgress onConsole(long total, String unit) {
        Console console = System.console();
        return new RenderProgress(console != null && total > 1 ? System.err : null, total, unit);
    }

    /** Erases the bar so a line can be printed in its place. */
    void clear() {
        if (out != null && shown) {
            out.print("\r\033[K");
            shown = false;
        }
    }

    void done(long files) {
        done += files;
        if (out != null) {
            out.print(ProgressBar.line(done, total, (System.nanoTime() - start) / 1e9, unit));
            out.flush();
            shown = true;
        }
    }

    @Override
    public void close() {
        clear();
    }
}
