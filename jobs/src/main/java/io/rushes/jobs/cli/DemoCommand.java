package io.rushes.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rushes demo}: make a sample card, inspect it, ingest it with local Spark and query the catalog's views. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Make a sample card (if absent), inspect it, ingest it into a local Delta warehouse and run three report queries.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--card", defaultValue = "rushes-demo-card", description = "Where the sample card goes (default: ${DEFAULT-VALUE}).")
    Path card;

    @Option(names = "--warehouse", defaultValue = "rushes-warehouse", description = "The catalog (default: ${DEFAULT-VALUE}).")
    Path warehouse;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(card)) {
            int rc = RushesCli.run("make-card", card.toString(), "--cameras", "A,B", "--clips", "2", "--frames", "12");
            if (rc != 0) {
                return rc;
            }
        }
        int rc = RushesCli.run("inspect", card.toString());
        if (rc != 0) {
            return rc;
        }
        System.out.println();
        rc = RushesCli.run("ingest", "--source", card.toString(), "--catalog", warehouse.toString(), "--master", "local[2]", "--quiet");
        if (rc != 0) {
            return rc;
        }
        String[][] queries = {
                {"What was shot, by day, camera and reel", "SELECT record_date, camera_label, reel, clips, frames, duration_s, first_timecode, "
                        + "last_timecode FROM clips_by_day_camera_reel ORDER BY record_date, camera_label"},
                {"Which clip holds timecode 10:04:00:05 on A camera", "SELECT clip_name, reel, start_timecode, end_timecode FROM "
                        + "clip_timecode_ranges WHERE camera_label = 'A' AND tc_to_frames('10:04:00:05', timecode_rate) BETWEEN start_frame AND end_frame"},
                {"Lenses and exposure", "SELECT camera_model, camera_serial, lens_model, focal_length_mm, stop, iso, clips FROM lens_iso_report ORDER BY camera_serial, clips DESC"}};
        for (String[] q : queries) {
            System.out.println();
            System.out.println("-- " + q[0]);
            System.out.println(q[1]);
            rc = RushesCli.run("sql", "--catalog", warehouse.toString(), q[1]);
            if (rc != 0) {
                return rc;
            }
        }
        System.out.println();
        System.out.println("Query it yourself: ./rushes sql --catalog " + warehouse + " \"SELECT * FROM clips\"");
        return 0;
    }
}
