package io.rushes.jobs.cli;

import java.util.Locale;

/** One line of progress: a bar, done/total, the rate and the time left at that rate. */
public final class ProgressBar {
    private static final int WIDTH = 30;

    private ProgressBar() {
    }

    /** E.g. {@code [#########.....................] 12/40 frames  3.1 frames/s  ETA 0:09}. */
    public static String line(long done, long total, double seconds, String unit) {
        double share = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(share * WIDTH);
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = done >= total ? "done" : rate > 0 ? "ETA " + clock((total - done) / rate) : "ETA -";
        return String.format(Locale.ROOT, "[%s%s] %d/%d %s  %.1f %s/s  %s", "#".repeat(filled), ".".repeat(WIDTH - filled), done, total,
                unit, rate, unit, eta);
    }

    /** Seconds as H:MM:SS, or M:SS under an hour. */
    static String clock(double seconds) {
        long s = (long) Math.ceil(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
