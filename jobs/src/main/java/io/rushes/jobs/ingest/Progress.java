package io.rushes.jobs.ingest;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/** Prints clips done / total, throughput and errors about once a second while an ingest runs. */
final class Progress implements AutoCloseable {
    final LongAccumulator clipsDone;
    final LongAccumulator errors;
    private final long total;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final Thread printer;

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
        out.printf(Locale.ROOT, "ingest: %d/%d clips (%.0f%%), %.1f clips/s, %d errors, %.0f s%n", done, total,
                total == 0 ? 100.0 : 100.0 * done / total, done / Math.max(seconds, 1e-3), errors.value(), seconds);
    }

    @Override
    public void close() {
        if (out != null) {
            printer.interrupt();
            print();
        }
    }
}
