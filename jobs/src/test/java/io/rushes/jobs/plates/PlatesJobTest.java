package io.rushes.jobs.plates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.ExternalTool;
import io.rushes.engine.card.SampleCard;
import io.rushes.engine.integrity.FileHasher;
import io.rushes.engine.integrity.HashAlgorithm;
import io.rushes.engine.integrity.MhlReport;
import io.rushes.engine.integrity.MhlVerifier;
import io.rushes.engine.metadata.Timecode;
import io.rushes.jobs.ingest.IngestOptions;
import io.rushes.jobs.ingest.InspectJob;
import io.rushes.jobs.testing.SparkExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plates on a made card: five shots asked for in a CSV pull list (and the same as a CMX3600 EDL and an ALE) render
 * their exact frames with handles; re-runs render nothing; a changed AMF makes one shot's new version; failures injected
 * into tasks leave neither partial nor duplicate files.
 */
@ExtendWith(SparkExtension.class)
class PlatesJobTest {
    @TempDir
    static Path dir;
    static SparkSession spark;
    static String catalog;
    /** The card's sequences by name: reel and start timecode (24 fps; first frame 86400). */
    static Map<String, String[]> clips = new TreeMap<>();
    static List<String> names;

    @BeforeAll
    static void ingest(SparkSession session) throws IOException {
        spark = session;
        Path card = dir.resolve("card");
        SampleCard.write(card, new SampleCard.Options(2, 12, List.of("A", "B"), 32, 16, 11));
        catalog = dir.resolve("catalog").toString();
        new InspectJob(spark, new IngestOptions(card.toString(), catalog, Set.of(HashAlgorithm.XXH128), 1000, 2), null).run();
        for (Row r : spark.read().format("delta").load(catalog + "/clips").where("kind = 'sequence'").collectAsList()) {
            clips.put(r.getAs("clip_name"), new String[] {r.getAs("reel"), r.getAs("start_timecode")});
        }
        names = List.copyOf(clips.keySet());
        assertEquals(4, names.size(), clips.keySet().toString());
    }

    /** The clip's start timecode plus {@code frames}. */
    private static String tc(String clip, int frames) {
        return Timecode.parse(clips.get(clip)[1], 24).plusFrames(frames).toString();
    }

    private static String reel(String clip) {
        return clips.get(clip)[0];
    }

    /**
     * The five shots: by clip name with handles; by reel and timecode alone with handles past the clip's end (clamped);
     * by frame numbers; an unknown clip; a range outside its clip. And a name that would climb out of --out, a row that
     * is no timecode, and a shot whose folder cannot be written.
     */
    private static String csv() {
        return String.join("\n", "shot,clip,reel,tc_in,tc_out,first_frame,last_frame,handles,version",
                "SH010," + names.get(0) + ",," + tc(names.get(0), 3) + "," + tc(names.get(0), 7) + ",,,2,1",
                "SH020,," + reel(names.get(3)) + "," + tc(names.get(3), 2) + "," + tc(names.get(3), 5) + ",,,8,1",
                "SH030," + names.get(1) + ",,,,86404,86405,1,1",
                "SH040,NO_SUCH_CLIP,,,,86404,86405,1,1",
                "SH050," + names.get(2) + ",," + tc(names.get(2), 10) + "," + tc(names.get(2), 14) + ",,,0,1",
                "../SH060," + names.get(2) + ",,,,86401,86402,0,1",
                "SH070," + names.get(2) + ",,10:99:00:00,10:99:00:04,,,0,1",
                "SH080," + names.get(3) + ",,,,86400,86401,0,1") + "\n";
    }

    /** Frames each good shot must deliver, handles included. */
    private static final Map<String, List<Long>> EXPECTED = Map.of(
            "SH010", range(86401, 86409), "SH020", range(86400, 86411), "SH030", range(86403, 86406));

    private static List<Long> range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    private static PlatesSummary plates(Path pullList, Path out, String... deliverables) throws IOException {
        return new PlatesJob(spark, new PlatesOptions(pullList.toString(), catalog, out.toString(),
                deliverables.length == 0 ? List.of("aces-exr-plate") : List.of(deliverables), 3, 24, 0, "BG01", false, null), null).run();
    }

    /** File names under each shot folder's deliverable folder, by shot/version/deliverable. */
    private static Map<String, Set<String>> delivered(Path out) throws IOException {
        Map<String, Set<String>> files = new TreeMap<>();
        if (!Files.isDirectory(out)) {
            return files;
        }
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path rel = out.relativize(p);
                if (rel.getNameCount() == 4 && !rel.getName(2).toString().equals("ascmhl")) {
                    files.computeIfAbsent(rel.subpath(0, 3).toString(), k -> new TreeSet<>()).add(rel.getFileName().toString());
                }
            }
        }
        return files;
    }

    private static Set<String> exrNames(String shot, int version, List<Long> frames) {
        return frames.stream().map(f -> String.format(Locale.ROOT, "%s_BG01_v%03d.%04d.exr", shot, version, f)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<Row> renders(String where) {
        return spark.read().format("delta").load(catalog + "/renders").where(where).collectAsList();
    }

    @Test
    void rendersTheExactFramesRecordsEveryFileAndRendersNothingTwice() throws Exception {
        Path pull = Files.writeString(dir.resolve("pull.csv"), csv());
        Path out = dir.resolve("out-csv");
        Files.createDirectories(out);
        Files.writeString(out.resolve("SH080"), "a file where SH080's folder would go"); // unwritable: that shot fails alone
        PlatesSummary first = plates(pull, out);
        Map<String, Set<String>> files = delivered(out);
        assertEquals(Map.of("SH010/v001/aces-exr-plate", exrNames("SH010", 1, EXPECTED.get("SH010")),
                "SH020/v001/aces-exr-plate", exrNames("SH020", 1, EXPECTED.get("SH020")),
                "SH030/v001/aces-exr-plate", exrNames("SH030", 1, EXPECTED.get("SH030"))), files);
        assertEquals(25, first.rendered(), first.line());
        assertEquals(2, first.failed(), "SH080's two files could not be written: " + first.line());
        assertEquals(5, first.shotsFailed(), "SH040, SH050, ../SH060, the unreadable row and SH080 fail alone: " + first.line());
        assertFalse(Files.exists(dir.resolve("SH060")), "a shot name never climbs out of --out");

        // Every EXR is valid to OpenEXR and OpenImageIO, and the row of each file is its lineage.
        for (Map.Entry<String, Set<String>> folder : files.entrySet()) {
            for (String name : folder.getValue()) {
                String header = ExternalTool.output("exrheader", out.resolve(folder.getKey()).resolve(name).toString());
                assertTrue(header.contains("compression (type compression): piz") && header.contains("dataWindow (type box2i): (0 0) - (31 15)"),
                        header);
            }
        }
        String info = ExternalTool.output("oiiotool", "--info", "-v", out.resolve("SH020/v001/aces-exr-plate/SH020_BG01_v001.86405.exr").toString());
        assertTrue(info.matches("(?s).*32 x +16, 3 channel, half openexr.*compression: \"piz\".*"), info);
        List<Row> failedRows = renders("status = 'failed' AND shot = 'SH080'");
        assertEquals(2, failedRows.size());
        assertEquals("IO", failedRows.get(0).getAs("error_code"), failedRows.get(0).toString());
        List<Row> rows = renders("status = 'ok' AND output_path LIKE '%" + out.getFileName() + "%'");
        assertEquals(25, rows.size());
        for (Row r : rows) {
            Path file = Path.of(java.net.URI.create(r.<String>getAs("output_path")));
            assertEquals(FileHasher.hash(Files.readAllBytes(file), HashAlgorithm.XXH128), r.getAs("xxh128"), file.toString());
            assertEquals(Files.size(file), r.<Long>getAs("bytes"));
            String name = file.getFileName().toString();
            long frame = Long.parseLong(name.substring(name.lastIndexOf('_') + 6, name.length() - 4));
            assertEquals(frame, r.<Long>getAs("source_frame"));
            assertTrue(r.<String>getAs("source_path").endsWith(String.format(Locale.ROOT, ".%07d.dng", frame)), r.toString());
            assertTrue(r.<String>getAs("source_hash").startsWith("xxh128 "), "the ingest's hash of the source: " + r);
        }
        Row sh010 = renders("shot = 'SH010' AND source_frame = 86401").get(0);
        assertEquals(tc(names.get(0), 1), sh010.getAs("source_timecode"));

        // The pulls table says what each shot resolved to, and why the others did not.
        Map<String, Row> pulls = spark.read().format("delta").load(catalog + "/pulls").where("pull_list LIKE '%pull.csv'").collectAsList()
                .stream().collect(Collectors.toMap(r -> r.getAs("shot"), r -> r));
        assertEquals("resolved", pulls.get("SH020").getAs("status"));
        assertEquals(2, (int) pulls.get("SH020").getAs("head_handle"));
        assertEquals(6, (int) pulls.get("SH020").getAs("tail_handle"));
        assertTrue(pulls.get("SH020").<String>getAs("message").contains("handles clamped to the clip: 2 before, 6 after (asked 8)"));
        assertTrue(pulls.get("SH040").<String>getAs("message").matches("Cannot resolve .*pull\\.csv:5: shot SH040: no clip of the catalog is "
                + "clip NO_SUCH_CLIP\\. Check the name.*"), pulls.get("SH040").toString());
        assertTrue(pulls.get("SH050").<String>getAs("message").contains("shot SH050 asks for frames 86410-86414"), pulls.get("SH050").toString());
        assertTrue(pulls.get("../SH060").<String>getAs("message").contains("is not a folder name"), pulls.get("../SH060").toString());
        List<Row> unreadable = spark.read().format("delta").load(catalog + "/pulls").where("pull_list LIKE '%pull.csv' AND shot IS NULL")
                .collectAsList();
        assertEquals(1, unreadable.size(), "the row that is no timecode: " + unreadable);
        assertTrue(unreadable.get(0).<String>getAs("message").contains("pull.csv: at line 8, column tc_in"), unreadable.get(0).toString());

        // Each shot version is a package sealed with an ASC MHL generation that verifies.
        javax.xml.validation.SchemaFactory xsd = javax.xml.validation.SchemaFactory.newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI);
        var generationSchema = xsd.newSchema(io.rushes.engine.Samples.dir().resolve("mhl/xsd/ASCMHL.xsd").toFile());
        var chainSchema = xsd.newSchema(io.rushes.engine.Samples.dir().resolve("mhl/xsd/ASCMHLDirectory__combined.xsd").toFile());
        for (String shot : EXPECTED.keySet()) {
            MhlReport report = MhlVerifier.verify(out.resolve(shot + "/v001"));
            assertTrue(report.issues().isEmpty(), shot + ": " + report);
            assertEquals(EXPECTED.get(shot).size(), report.verified(), shot + ": " + report);
            try (Stream<Path> mhl = Files.list(out.resolve(shot + "/v001/ascmhl"))) {
                for (Path generation : mhl.filter(p -> p.toString().endsWith(".mhl")).toList()) {
                    generationSchema.newValidator().validate(new javax.xml.transform.stream.StreamSource(generation.toFile()));
                }
            }
            chainSchema.newValidator().validate(new javax.xml.transform.stream.StreamSource(out.resolve(shot + "/v001/ascmhl/ascmhl_chain.xml").toFile()));
        }

        PlatesSummary again = plates(pull, out);
        assertEquals(0, again.rendered(), again.line());
        assertEquals(25, again.skipped(), again.line());
        assertEquals(2, again.failed(), "SH080 is tried again, and fails again alone: " + again.line());
        assertEquals(files, delivered(out));

        // A deleted plate is rendered again, alone.
        Files.delete(out.resolve("SH030/v001/aces-exr-plate/SH030_BG01_v001.86404.exr"));
        Files.delete(out.resolve("SH080"));
        PlatesSummary mended = plates(pull, out);
        assertEquals(3, mended.rendered(), "the deleted plate and SH080's two, now its folder can be made: " + mended.line());
        files.put("SH080/v001/aces-exr-plate", exrNames("SH080", 1, range(86400, 86401)));
        assertEquals(files, delivered(out));
    }

    @Test
    void theSameShotsAsAnEdlAndAnAleRenderTheSameFrames() throws Exception {
        // CMX3600: source out is exclusive; the clip name comes from the FROM CLIP NAME comment.
        StringBuilder edl = new StringBuilder("TITLE: PLATES\nFCM: NON-DROP FRAME\n\n");
        String[][] events = {{"SH010", names.get(0), "3", "8"}, {"SH020", names.get(3), "2", "6"}};
        for (int i = 0; i < events.length; i++) {
            String clip = events[i][1];
            String in = tc(clip, Integer.parseInt(events[i][2]));
            String outTc = tc(clip, Integer.parseInt(events[i][3]));
            int length = Integer.parseInt(events[i][3]) - Integer.parseInt(events[i][2]);
            edl.append(String.format(Locale.ROOT, "%03d  %-8s V     C        %s %s %s %s%n", i + 1, reel(clip), in, outTc,
                    Timecode.parse("01:00:00:00", 24).plusFrames(10L * i), Timecode.parse("01:00:00:00", 24).plusFrames(10L * i + length)));
            edl.append("* FROM CLIP NAME: ").append(clip).append('\n');
            edl.append("* LOC: 01:00:00:00 YELLOW ").append(events[i][0]).append('\n');
        }
        Path edlFile = Files.writeString(dir.resolve("pull.edl"), edl.toString());
        Path outEdl = dir.resolve("out-edl");
        PlatesSummary fromEdl = new PlatesJob(spark, new PlatesOptions(edlFile.toString(), catalog, outEdl.toString(),
                List.of("aces-exr-plate"), 3, 24, 8, "BG01", false, null), null).run();
        assertEquals(0, fromEdl.shotsFailed(), fromEdl.line());
        assertEquals(Map.of("SH010/v001/aces-exr-plate", exrNames("SH010", 1, range(86400, 86411)),
                "SH020/v001/aces-exr-plate", exrNames("SH020", 1, EXPECTED.get("SH020"))), delivered(outEdl),
                "--handles 8 for an EDL (which carries none), clamped to each clip");

        // As cameras and Avid write it (OpenTimelineIO's sample): Name the subclip, Tape the camera clip.
        String ale = "Heading\nFIELD_DELIM\tTABS\nVIDEO_FORMAT\t1080\nFPS\t24\n\nColumn\nName\tTape\tStart\tEnd\n\nData\n"
                + "SH030\t" + names.get(1) + "\t" + tc(names.get(1), 4) + "\t" + tc(names.get(1), 6) + "\n";
        Path aleFile = Files.writeString(dir.resolve("pull.ale"), ale);
        Path outAle = dir.resolve("out-ale");
        PlatesSummary fromAle = new PlatesJob(spark, new PlatesOptions(aleFile.toString(), catalog, outAle.toString(),
                List.of("aces-exr-plate"), 3, 24, 1, "BG01", false, null), null).run();
        assertEquals(0, fromAle.shotsFailed(), fromAle.line());
        // ALE End is exclusive: frames 4 and 5 of the clip, one handle each side.
        assertEquals(Map.of("SH030/v001/aces-exr-plate", exrNames("SH030", 1, range(86403, 86406))), delivered(outAle));

        // OpenTimelineIO: the clip's media names the sequence; its source range is in the source's timecode frames.
        long start = Timecode.parse(tc(names.get(1), 4), 24).toFrames();
        String otio = """
                {"OTIO_SCHEMA": "Timeline.1", "name": "plates", "tracks": {"OTIO_SCHEMA": "Stack.1", "children": [
                  {"OTIO_SCHEMA": "Track.1", "kind": "Video", "children": [
                    {"OTIO_SCHEMA": "Clip.1", "name": "SH030",
                     "source_range": {"OTIO_SCHEMA": "TimeRange.1",
                       "start_time": {"OTIO_SCHEMA": "RationalTime.1", "rate": 24, "value": %d},
                       "duration": {"OTIO_SCHEMA": "RationalTime.1", "rate": 24, "value": 2}},
                     "media_reference": {"OTIO_SCHEMA": "ExternalReference.1", "target_url": "file:///card/%s/%s.0086400.dng"}}]}]}}
                """.formatted(start, names.get(1), names.get(1));
        Path otioFile = Files.writeString(dir.resolve("pull.otio"), otio);
        Path outOtio = dir.resolve("out-otio");
        PlatesSummary fromOtio = new PlatesJob(spark, new PlatesOptions(otioFile.toString(), catalog, outOtio.toString(),
                List.of("aces-exr-plate"), 3, 24, 1, "BG01", false, null), null).run();
        assertEquals(0, fromOtio.shotsFailed(), fromOtio.line());
        assertEquals(delivered(outAle), delivered(outOtio), "the ALE's shot as OTIO: the same frames");
    }

    @Test
    void aChangedAmfRendersThatShotAgainAsANewVersionOnly() throws Exception {
        Path amf = dir.resolve("grade/SH010.amf");
        Files.createDirectories(amf.getParent());
        Files.writeString(amf, amf("1.1 1.0 0.9"));
        String list = "shot,clip,first_frame,last_frame,amf\n"
                + "SH110," + names.get(0) + ",86400,86401,grade/SH010.amf\n"
                + "SH120," + names.get(1) + ",86400,86401,\n";
        Path pull = Files.writeString(dir.resolve("graded.csv"), list);
        Path out = dir.resolve("out-graded");
        PlatesSummary first = plates(pull, out, "jpeg-thumbnail");
        assertEquals(4, first.rendered(), first.line());
        Set<String> v1 = delivered(out).keySet();
        assertEquals(Set.of("SH110/v001/jpeg-thumbnail", "SH120/v001/jpeg-thumbnail"), v1);
        assertTrue(Files.isRegularFile(out.resolve("SH110/v001/SH110.amf")), "the AMF travels with the shot");

        Files.writeString(amf, amf("0.7 1.0 1.2"));
        PlatesSummary second = plates(pull, out, "jpeg-thumbnail");
        assertEquals(2, second.rendered(), second.line());
        assertEquals(2, second.skipped(), second.line());
        Map<String, Set<String>> files = delivered(out);
        assertEquals(Set.of("SH110/v001/jpeg-thumbnail", "SH110/v002/jpeg-thumbnail", "SH120/v001/jpeg-thumbnail"), files.keySet());
        byte[] before = Files.readAllBytes(out.resolve("SH110/v001/jpeg-thumbnail").resolve(files.get("SH110/v001/jpeg-thumbnail").iterator().next()));
        byte[] after = Files.readAllBytes(out.resolve("SH110/v002/jpeg-thumbnail").resolve(files.get("SH110/v002/jpeg-thumbnail").iterator().next()));
        assertFalse(java.util.Arrays.equals(before, after), "the new grade is in the new version's pixels");
        List<Row> lineage = spark.sql("SELECT DISTINCT version, amf_hash FROM delta.`" + catalog + "/renders` WHERE shot = 'SH110'").collectAsList();
        assertEquals(2, lineage.size(), "one AMF hash per version: " + lineage);
    }

    private static String amf(String slope) {
        return """
                <aces:acesMetadataFile version="2.0" xmlns:aces="urn:ampas:aces:amf:v2.0" xmlns:cdl="urn:ASC:CDL:v1.01">
                  <aces:amfInfo><aces:uuid>urn:uuid:54bfd6af-57c0-4bd1-8f95-0952c4f25f86</aces:uuid></aces:amfInfo>
                  <aces:pipeline>
                    <aces:lookTransform applied="false">
                      <aces:cdlWorkingSpace><aces:fromCdlWorkingSpace>
                        <aces:transformId>urn:ampas:aces:transformId:v1.5:ACEScsc.Academy.ACEScct_to_ACES.a1.0.3</aces:transformId>
                      </aces:fromCdlWorkingSpace></aces:cdlWorkingSpace>
                      <cdl:SOPNode><cdl:Slope>%s</cdl:Slope><cdl:Offset>0 0 0</cdl:Offset><cdl:Power>1 1 1</cdl:Power></cdl:SOPNode>
                    </aces:lookTransform>
                  </aces:pipeline>
                </aces:acesMetadataFile>""".formatted(slope);
    }

    @Test
    void aTaskThatDiesIsRetriedWithoutPartialOrDuplicateFiles() throws Exception {
        for (String failure : List.of("task", "mid-frame")) {
            Path pull = Files.writeString(dir.resolve("retry-" + failure + ".csv"), "shot,clip,first_frame,last_frame\n"
                    + "RT" + failure.length() + "," + names.get(2) + ",86400,86408\n");
            Path out = dir.resolve("out-" + failure);
            // A shot name of its own, so nothing counts as delivered by another test.
            spark.conf().set(PlatesJob.INJECT_FAILURE, failure);
            PlatesSummary s;
            try {
                s = plates(pull, out);
            } finally {
                spark.conf().unset(PlatesJob.INJECT_FAILURE);
            }
            assertEquals(9, s.rendered(), failure + ": " + s.line());
            assertEquals(0, s.failed(), failure + ": " + s.line());
            List<String> all;
            try (Stream<Path> walk = Files.walk(out)) {
                all = walk.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
            }
            assertTrue(all.stream().noneMatch(n -> n.endsWith(".partial")), failure + ": " + all);
            String shot = "RT" + failure.length();
            assertEquals(exrNames(shot, 1, range(86400, 86408)), new TreeSet<>(delivered(out).get(shot + "/v001/aces-exr-plate")));
            List<Row> rows = renders("shot = '" + shot + "'");
            assertEquals(9, rows.size(), "one row per file after the retry");
            for (Row r : rows) {
                Path file = Path.of(java.net.URI.create(r.<String>getAs("output_path")));
                assertEquals(FileHasher.hash(Files.readAllBytes(file), HashAlgorithm.XXH128), r.getAs("xxh128"), file.toString());
            }
        }
    }

    /**
     * A shot on the card's movie clip, pulled by timecode with handles: its frames are the movie's frames by index
     * (0 is the first), each EXR equal to the engine's own render of that frame of the movie, recorded with its timecode.
     */
    @Test
    void aMovieClipsShotRendersItsFramesByIndexAndTimecode() throws Exception {
        Row clip = spark.read().format("delta").load(catalog + "/clips").where("kind = 'movie'").orderBy("clip_name").collectAsList().get(0);
        String name = clip.getAs("clip_name");
        Timecode start = Timecode.parse(clip.getAs("start_timecode"), 24);
        Path pull = Files.writeString(dir.resolve("movie.csv"), "shot,clip,tc_in,tc_out,handles\nMV010," + name + ","
                + start.plusFrames(2) + "," + start.plusFrames(5) + ",1\n");
        Path out = dir.resolve("out-movie");
        PlatesSummary s = plates(pull, out);
        assertEquals(6, s.rendered(), s.line());
        assertEquals(Map.of("MV010/v001/aces-exr-plate", exrNames("MV010", 1, range(1, 6))), delivered(out));
        List<Row> rows = renders("shot = 'MV010'");
        assertEquals(6, rows.size());
        String source = rows.get(0).getAs("source_path");
        Path movie = source.startsWith("file:") ? Path.of(java.net.URI.create(source)) : Path.of(source);
        io.rushes.engine.deliver.spec.Deliverable plate = io.rushes.engine.deliver.spec.Deliverable.prepare(
                io.rushes.engine.deliver.spec.Deliverables.shipped("aces-exr-plate"), Map.of("shot", "MV010", "plate", "BG01", "version", "1"),
                null, new io.rushes.engine.deliver.spec.Deliverable.Development(io.rushes.engine.image.Demosaic.Method.BILINEAR, null, null, 0, 0));
        for (Row r : rows) {
            long frame = r.<Long>getAs("source_frame");
            assertEquals(start.plusFrames(frame).toString(), r.getAs("source_timecode"), "frame " + frame);
            Path expected = dir.resolve("movie-frame-" + frame + ".exr");
            try (io.rushes.engine.io.FileByteSource src = new io.rushes.engine.io.FileByteSource(movie);
                 io.rushes.engine.render.FrameRenderer.Input in = io.rushes.engine.render.FrameRenderer.Input.open(src)) {
                new io.rushes.engine.render.FrameRenderer(plate.options())
                        .render(in, frame, new io.rushes.engine.io.FileByteSink(expected));
            }
            try (io.rushes.engine.io.FileByteSource a = new io.rushes.engine.io.FileByteSource(expected);
                 io.rushes.engine.io.FileByteSource b = new io.rushes.engine.io.FileByteSource(
                         out.resolve(String.format(Locale.ROOT, "MV010/v001/aces-exr-plate/MV010_BG01_v001.%04d.exr", frame)))) {
                org.junit.jupiter.api.Assertions.assertArrayEquals(io.rushes.engine.deliver.exr.OpenExrReader.read(a).rgb().data(),
                        io.rushes.engine.deliver.exr.OpenExrReader.read(b).rgb().data(), "frame " + frame);
            }
        }
    }

    @Test
    void anAsideFileLeftByAKilledTaskIsRemovedNotDelivered() throws Exception {
        Path pull = Files.writeString(dir.resolve("killed.csv"), "shot,clip,first_frame,last_frame\nKL010," + names.get(3) + ",86400,86401\n");
        Path out = dir.resolve("out-killed");
        Path leftover = out.resolve("KL010/v001/aces-exr-plate/.KL010_BG01_v001.86400.exr.0123abcd.partial");
        Files.createDirectories(leftover.getParent());
        Files.write(leftover, new byte[100]); // what a SIGKILL mid-write leaves: the aside file, never the final name
        PlatesSummary s = plates(pull, out);
        assertEquals(2, s.rendered(), s.line());
        assertFalse(Files.exists(leftover));
        MhlReport report = MhlVerifier.verify(out.resolve("KL010/v001"));
        assertTrue(report.issues().isEmpty(), report.toString());
        assertEquals(2, report.verified(), "the MHL holds the delivered files only: " + report);
    }

    @Test
    void aShotsFdlFramesTheDeliverableThatSizesByItsCanvasTemplate() throws Exception {
        // A 2x anamorphic 32x16 canvas: its framing decision (24x12 at 4,2) de-squeezed is 48x12, fitted by width to the
        // template's 96: 96x24, padded to the template's maximum 96x30.
        Path fdls = Files.createDirectories(dir.resolve("fdls"));
        Files.writeString(fdls.resolve("show.fdl"), """
                {"uuid": "BCD142EB-3BAA-4EA8-ADD8-A46AE8DC4D97", "version": {"major": 2, "minor": 0},
                 "framing_intents": [{"id": "F", "aspect_ratio": {"width": 2, "height": 1}}],
                 "contexts": [{"canvases": [{"id": "S", "source_canvas_id": "S", "dimensions": {"width": 32, "height": 16},
                   "anamorphic_squeeze": 2.0, "framing_decisions": [{"id": "S-F", "framing_intent_id": "F",
                   "dimensions": {"width": 24, "height": 12}, "anchor_point": {"x": 4, "y": 2}}]}]}],
                 "canvas_templates": [{"id": "VFX", "target_dimensions": {"width": 96, "height": 24}, "target_anamorphic_squeeze": 1.0,
                   "fit_source": "framing_decision.dimensions", "fit_method": "width",
                   "maximum_dimensions": {"width": 96, "height": 30}, "pad_to_maximum": true}]}
                """);
        Files.writeString(dir.resolve("vfx-plate.json"), """
                {"name": "vfx-plate", "format": "exr", "colour": {"stage": "scene", "space": "ACES2065-1"}, "compression": "zip",
                 "resolution": {"canvas_template": "VFX"}, "naming": "{shot}_{plate}_v{version:03d}.{frame:04d}.exr"}
                """);
        Path pull = Files.writeString(dir.resolve("framed.csv"), "shot,clip,first_frame,last_frame,fdl_uuid,fdl_decision,deliverable\n"
                + "FR010," + names.get(1) + ",86400,86400,BCD142EB-3BAA-4EA8-ADD8-A46AE8DC4D97,S-F,vfx-plate.json\n");
        Path out = dir.resolve("out-framed");
        PlatesSummary s = new PlatesJob(spark, new PlatesOptions(pull.toString(), catalog, out.toString(), List.of("aces-exr-plate"), 3, 24,
                0, "BG01", false, fdls.toString()), null).run();
        assertEquals(1, s.rendered(), s.line());
        Path exr = out.resolve("FR010/v001/vfx-plate/FR010_BG01_v001.86400.exr");
        String header = ExternalTool.output("exrheader", exr.toString());
        assertTrue(header.contains("dataWindow (type box2i): (0 0) - (95 29)"), header);
        assertTrue(Files.isRegularFile(out.resolve("FR010/v001/FR010.fdl")), "the shot's FDL travels with it");
        assertTrue(Files.readString(out.resolve("FR010/v001/FR010.VFX.fdl")).contains("\"id\" : \"VFX\""), "and the delivered canvas");
        Row row = renders("shot = 'FR010'").get(0);
        assertEquals(FileHasher.hash(Files.readAllBytes(fdls.resolve("show.fdl")), HashAlgorithm.XXH128), row.getAs("fdl_hash"));
        assertTrue(MhlVerifier.verify(out.resolve("FR010/v001")).issues().isEmpty());
    }
}
