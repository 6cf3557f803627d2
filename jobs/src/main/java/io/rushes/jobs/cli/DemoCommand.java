package io.rushes.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rushes demo}: make a sample card, inspect it, ingest it with local Spark and query the catalog's views. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Make a sample card (if absent), inspect it, ingest it into a local Delta warehouse and run three report queries;",
                "then pull two shots with an FDL and an AMF and render framed EXR plates, review movies with burn-ins and thumbnails."})
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--card", defaultValue = "rushes-demo-card", description = "Where the sample card goes (default: ${DEFAULT-VALUE}).")
    Path card;

    @Option(names = "--warehouse", defaultValue = "rushes-warehouse", description = "The catalog (default: ${DEFAULT-VALUE}).")
    Path warehouse;

    @Option(names = "--out", defaultValue = "rushes-out", description = "Where the plates go (default: ${DEFAULT-VALUE}).")
    Path out;

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
        rc = plates();
        if (rc != 0) {
            return rc;
        }
        System.out.println();
        System.out.println("Query it yourself: ./rushes sql --catalog " + warehouse + " \"SELECT * FROM clips\"");
        return 0;
    }

    /**
     * Pulls two shots of the card (one by clip name, one by reel and timecode) with an FDL and an AMF, renders framed
     * EXR plates, review movies with burn-ins and thumbnails, and shows what the renders table recorded.
     */
    private int plates() throws java.io.IOException {
        Path pulls = Files.createDirectories(out.resolve("pull"));
        java.util.List<Path> sequences;
        try (java.util.stream.Stream<Path> s = Files.walk(card, 2)) {
            sequences = s.filter(Files::isDirectory).filter(d -> d.getFileName().toString().matches("[A-Z][0-9]{3}C[0-9]{3}_.*")).sorted().toList();
        }
        if (sequences.size() < 2) {
            System.err.println("rushes demo: the card holds " + sequences.size() + " DNG sequences, not the two to pull");
            return 1;
        }
        String first = sequences.get(0).getFileName().toString();
        String second = sequences.get(sequences.size() - 1).getFileName().toString();
        String reel = sequences.get(sequences.size() - 1).getParent().getFileName().toString();
        // The card's clips start at 10:0M:00:01 (A) and 10:0M:07:01 (B), 12 frames each; the second shot is found by reel and timecode.
        Files.writeString(pulls.resolve("turnover.csv"), String.join("\n",
                "shot,clip,reel,first_frame,last_frame,tc_in,tc_out,handles,fdl_uuid,fdl_decision,amf",
                "SH010," + first + ",,86402,86409,,,2,DE40D3A5-6F22-4C4B-9D38-5C0A5E3C1D01,DEMO-239,grade.amf",
                "SH020,," + reel + ",,," + tcOf(sequences.get(sequences.size() - 1), 3) + "," + tcOf(sequences.get(sequences.size() - 1), 8)
                        + ",2,DE40D3A5-6F22-4C4B-9D38-5C0A5E3C1D01,DEMO-239,grade.amf") + "\n");
        Files.writeString(pulls.resolve("show.fdl"), """
                {"uuid": "DE40D3A5-6F22-4C4B-9D38-5C0A5E3C1D01", "version": {"major": 2, "minor": 0}, "fdl_creator": "rushes demo",
                 "framing_intents": [{"id": "SCOPE", "label": "2.39:1", "aspect_ratio": {"width": 239, "height": 100}}],
                 "contexts": [{"label": "demo card", "canvases": [{"id": "DEMO", "source_canvas_id": "DEMO",
                   "dimensions": {"width": 960, "height": 540}, "anamorphic_squeeze": 1.0,
                   "framing_decisions": [{"id": "DEMO-239", "framing_intent_id": "SCOPE",
                     "dimensions": {"width": 960, "height": 402}, "anchor_point": {"x": 0, "y": 69}}]}]}],
                 "canvas_templates": [{"id": "VFX", "label": "VFX plate, 2.39:1 with 5 % overscan",
                   "target_dimensions": {"width": 1008, "height": 422}, "target_anamorphic_squeeze": 1.0,
                   "fit_source": "framing_decision.dimensions", "fit_method": "width", "preserve_from_source_canvas": "canvas.dimensions",
                   "maximum_dimensions": {"width": 1008, "height": 576}}]}
                """);
        Files.writeString(pulls.resolve("grade.amf"), """
                <aces:acesMetadataFile version="2.0" xmlns:aces="urn:ampas:aces:amf:v2.0" xmlns:cdl="urn:ASC:CDL:v1.01">
                  <aces:amfInfo><aces:description>rushes demo grade</aces:description>
                    <aces:uuid>urn:uuid:6b1a4d57-3f0e-4d3b-9a51-1d2c3e4f5a60</aces:uuid></aces:amfInfo>
                  <aces:pipeline>
                    <aces:lookTransform applied="false">
                      <aces:cdlWorkingSpace><aces:fromCdlWorkingSpace>
                        <aces:transformId>urn:ampas:aces:transformId:v1.5:ACEScsc.Academy.ACEScct_to_ACES.a1.0.3</aces:transformId>
                      </aces:fromCdlWorkingSpace></aces:cdlWorkingSpace>
                      <cdl:SOPNode><cdl:Slope>1.05 1.0 0.95</cdl:Slope><cdl:Offset>0 0 0.01</cdl:Offset><cdl:Power>1 1 1</cdl:Power></cdl:SOPNode>
                      <cdl:SatNode><cdl:Saturation>0.9</cdl:Saturation></cdl:SatNode>
                    </aces:lookTransform>
                  </aces:pipeline>
                </aces:acesMetadataFile>
                """);
        Files.writeString(pulls.resolve("vfx-exr-plate.json"), """
                {"name": "vfx-exr-plate", "description": "VFX plate framed by the show's FDL template: ACES2065-1 half OpenEXR, PIZ",
                 "format": "exr", "colour": {"stage": "scene", "space": "ACES2065-1"}, "compression": "piz", "bit_depth": 16,
                 "resolution": {"canvas_template": "VFX"}, "naming": "{shot}_{plate}_v{version:03d}.{frame:04d}.exr"}
                """);
        System.out.println();
        System.out.println("-- Plates: two shots of " + pulls.resolve("turnover.csv") + " with an FDL and an AMF");
        int rc = RushesCli.run("plates", "--pull-list", pulls.resolve("turnover.csv").toString(), "--catalog", warehouse.toString(),
                "--out", out.toString(), "--fdl-folder", pulls.toString(), "--deliverable", pulls.resolve("vfx-exr-plate.json").toString(),
                "--deliverable", "prores-4444-review-burnin", "--deliverable", "jpeg-thumbnail", "--master", "local[2]", "--quiet");
        if (rc != 0) {
            return rc;
        }
        String query = "SELECT shot, version, deliverable, count(*) AS files, sum(frames) AS frames, sum(bytes) AS bytes, "
                + "min(image_size) AS size, min(status) AS status FROM renders GROUP BY shot, version, deliverable ORDER BY shot, deliverable";
        System.out.println();
        System.out.println("-- What the renders table recorded");
        System.out.println(query);
        return RushesCli.run("sql", "--catalog", warehouse.toString(), query);
    }

    /** The timecode of frame {@code offset} of a sample-card clip (its first frame is 86400, at hh:mm:ss:01 of its name's minute). */
    private static String tcOf(Path sequence, int offset) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = Files.list(sequence)) {
            Path dng = s.filter(p -> p.toString().endsWith(".dng")).sorted().findFirst().orElseThrow();
            try (io.rushes.engine.io.FileByteSource src = new io.rushes.engine.io.FileByteSource(dng)) {
                String start = new io.rushes.engine.format.dng.DngFormat().read(src).string(io.rushes.engine.metadata.ClipField.START_TIMECODE);
                return io.rushes.engine.metadata.Timecode.parse(start, 24).plusFrames(offset).toString();
            }
        }
    }
}
