package io.rushes.jobs.cli;

import io.rushes.jobs.plates.PlatesJob;
import io.rushes.jobs.plates.PlatesOptions;
import io.rushes.jobs.plates.PlatesSummary;
import io.rushes.jobs.spark.RushesSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rushes plates}: render a pull list's shots on Spark, recorded in the catalog. */
@Command(name = "plates", mixinStandardHelpOptions = true,
        description = {"Render the shots of a pull list (CSV, CMX3600 EDL, ALE or OTIO) on Spark: each shot resolved against the catalog,",
                "its frames and handles rendered by its deliverables into OUT/SHOT/vNNN/DELIVERABLE/, every file recorded in the catalog's",
                "renders table with its lineage. A re-run renders only what is missing; changed parameters make a new version."})
public final class PlatesCommand implements Callable<Integer> {
    @Option(names = "--pull-list", required = true, description = "The pull list: a local path or a Hadoop URI.")
    String pullList;

    @Option(names = "--catalog", required = true, description = "The catalog the card was ingested into (rushes ingest).")
    String catalog;

    @Option(names = "--out", required = true, description = "Delivery root: a local path or a Hadoop URI (s3a://bucket/turnover).")
    String out;

    @Option(names = "--deliverable", paramLabel = "NAME|FILE", description = "Deliverable for shots whose row names none (repeatable; "
            + "default: aces-exr-plate). rushes render --list-deliverables lists the shipped ones.")
    List<String> deliverables = new ArrayList<>();

    @Option(names = "--segment-frames", defaultValue = "24", description = "Frames per task, so long shots spread over the cluster "
            + "(default: ${DEFAULT-VALUE}).")
    int segmentFrames;

    @Option(names = "--handles", defaultValue = "0", description = "Handles per side for shots whose list gives none (EDL, ALE and OTIO "
            + "carry none) (default: ${DEFAULT-VALUE}).")
    int handles;

    @Option(names = "--rate", defaultValue = "24", description = "Timecode rate of lists that do not give theirs (CSV, EDL) "
            + "(default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--plate", defaultValue = "PL01", description = "The {plate} of naming templates (default: ${DEFAULT-VALUE}).")
    String plate;

    @Option(names = "--debayer", defaultValue = "hq", description = "fast (bilinear) or hq (RCD) (default: ${DEFAULT-VALUE}).")
    RenderCommand.Debayer debayer;

    @Option(names = "--fdl-folder", description = "A local folder of the show's FDL files: a shot's FDL is found there by the uuid its "
            + "row names; deliverables sized by a canvas template frame by it.")
    String fdlFolder;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Mixin
    SparkOptions spark;

    @Override
    public Integer call() throws Exception {
        PlatesOptions options = new PlatesOptions(pullList, catalog, out, deliverables.isEmpty() ? List.of("aces-exr-plate") : deliverables,
                segmentFrames, rate, handles, plate, debayer == RenderCommand.Debayer.hq, fdlFolder);
        java.net.URI uri = new org.apache.hadoop.fs.Path(pullList).toUri();
        if ((uri.getScheme() == null || uri.getScheme().equals("file")) && !java.nio.file.Files.isRegularFile(java.nio.file.Path.of(uri.getPath()))) {
            // Said before Spark starts (seconds) for a local typo; remote pull lists are checked when read.
            boolean exists = java.nio.file.Files.exists(java.nio.file.Path.of(uri.getPath()));
            throw io.rushes.engine.error.Errors.notFound(pullList, exists ? "the pull list is not a file" : "the pull list does not exist",
                    exists ? "Give the pull list file (CSV, EDL, ALE or OTIO), not a folder" : "Check the path");
        }
        PlatesSummary summary = new PlatesJob(RushesSpark.session(spark.master, spark.conf), options, quiet ? null : System.err).run();
        System.out.println(summary.line());
        // 0 only when every shot was delivered whole; 1 when some shot or file failed (the others are delivered).
        return summary.shotsFailed() == 0 && summary.failed() == 0 ? 0 : 1;
    }
}
