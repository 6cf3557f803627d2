package io.rushes.jobs.plates;

import io.rushes.jobs.cli.ProgressBar;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple4;

/**
 * A plates run's progress from a Spark listener: frames done (finished tasks, plus what running tasks report in their
 * heartbeats), frames/s and the time left, printed about once a second; each failed file as its task ends.
 */
final class PlatesProgress extends SparkListener implements AutoCloseable {
    final LongAccumulator framesDone;
    final CollectionAccumulator<String> failures;
    private final SparkSession spark;
    private final long total;
    private final PrintStream out;
    private final long start = System.nanoTime();
    private final AtomicLong finished = new AtomicLong();
    private final Map<Long, Long> running = new ConcurrentHashMap<>();
    private final Thread printer;

    PlatesProgress(SparkSession spark, long total, PrintStream out) {
        this.spark = spark;
        this.framesDone = spark.sparkContext().longAccumulator("rushes frames rendered");
        this.failures = spark.sparkContext().collectionAccumulator("rushes render failures");
        this.total = total;
        this.out = out;
        this.printer = new Thread(this::loop, "rushes-plates-progress");
        printer.setDaemon(true);
        if (out != null) {
            spark.sparkContext().addSparkListener(this);
            printer.start();
        }
    }

    long done() {
        return finished.get() + running.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task
                : scala.jdk.javaapi.CollectionConverters.asJava(update.accumUpdates())) {
            for (AccumulableInfo info : scala.jdk.javaapi.CollectionConverters.asJava(task._4())) {
                if (info.id() == framesDone.id() && info.update().isDefined() && info.update().get() instanceof Long n) {
                    running.put((Long) task._1(), n);
                }
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        running.remove(end.taskInfo().taskId());
        if (!end.taskInfo().successful()) {
            return; // its frames are rendered again by the retry; its failures are reported by the retry too
        }
        for (AccumulableInfo info : scala.jdk.javaapi.CollectionConverters.asJava(end.taskInfo().accumulables())) {
            if (info.id() == framesDone.id() && info.update().isDefined() && info.update().get() instanceof Long n) {
                finished.addAndGet(n);
            } else if (info.id() == failures.id() && info.update().isDefined() && info.update().get() instanceof List<?> lines) {
                lines.forEach(l -> out.println("plates: failed: " + l));
            }
        }
    }

    private void loop() {
        long last = -1;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(1000);
                long now = done();
                if (now != last) {
                    print(now);
                    last = now;
                }
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    private void print(long done) {
        out.println("plates: " + ProgressBar.line(Math.min(done, total), total, (System.nanoTime() - start) / 1e9, "frames"));
    }

    @Override
    public void close() {
        if (out != null) {
            printer.interrupt();
            spark.sparkContext().removeSparkListener(this);
            print(done());
        }
    }
}
