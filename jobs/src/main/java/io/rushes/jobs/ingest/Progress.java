package io.rushes.jobs.ingest;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * Prints clips done / total, throughput, errors and what the ingest is doing (inspecting, or committing a round to
 * which table: a MERGE takes seconds to minutes) about once a second while it runs.
 */
final class Progress implements AutoCloseable {
    final LongAccumulator clipsDone;
    final LongAccumulator errors;
    private final long total;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final Thread printer;
    private volatile String phase = "inspecting";

    Progress(SparkSession spark, long total, PrintStream out) {
        this.clipsDone = spark.sparkContext().longAccumulator("rushes clips inspected");
        this.errors = spark.sparkContext().longAccumulator("rushes errors");
        this.total = total;
        this.out = out;
        this.printer = new Thread(this::loop, "rushes-progress");
        this.printer.setDaemon(true);
        if (out != null) {
            printer.start();
        }
    }

    /** What the ingest does now, e.g. "committing round 2/5: files"; shown on every line until the next phase. */
    void phase(String now) {
        phase = now;
    }

    private void loop() {
        long lastDone = -1;
        long lastPrint = System.nanoTime();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(1000);
                long done = clipsDone.value();
                // A line when work moved on, else one every ten seconds (a round being committed).
                if (done != lastDone || System.nanoTime() - lastPrint > 10_000_000_000L) {
                    print();
                    lastDone = done;
                    lastPrint = System.nanoTime();
                }
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    private void print() {
        long done = Math.min(clipsDone.value(), total);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "ingest: %d/%d clips inspected (%.0f%%), %d errors, %.0f s: %s%n", done, total,
                total == 0 ? 100.0 : 100.0 * done / total, errors.value(), seconds, phase);
    }

    @Override
    public void close() {
        if (out != null) {
            printer.interrupt();
            phase = "done";
            print();
        }
    }
}
