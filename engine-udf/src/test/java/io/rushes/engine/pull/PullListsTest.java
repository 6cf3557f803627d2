package io.rushes.engine.pull;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pull lists: CSV with its errors per line and column, and the CMX3600 EDLs of OpenTimelineIO's test suite. */
class PullListsTest {
    private static PullLists.Read csv(String text) {
        return PullLists.csv(text.getBytes(StandardCharsets.UTF_8), "turnover.csv", 24);
    }

    @Test
    void aCsvPullListGivesItsShots() {
        PullLists.Read r = csv("""
                \uFEFFshot,clip,tc_in,tc_out,handles,version,amf
                SH010,A001C003_261124_R1BB,10:06:00:02,10:06:00:09,8,2,"looks/show, final.amf"
                SH020,A001C001_261124_R1BB,,,,,
                SH030,,10:04:00:01,10:04:00:05,,,
                """.replace(",,,,,\n", ",10:02:00:01,10:02:00:01,,,\n").replace("SH030,,", "SH030,B001C001,"));
        assertEquals(List.of(), r.errors());
        assertEquals(3, r.shots().size());
        Shot s = r.shots().get(0);
        assertEquals("SH010", s.shot());
        assertEquals("A001C003_261124_R1BB", s.clip());
        assertEquals("10:06:00:02", s.in().toString());
        assertEquals(8, s.length());
        assertEquals(8, s.handles());
        assertEquals(2, s.version());
        assertEquals("looks/show, final.amf", s.amf());
        assertEquals("turnover.csv:2", s.origin());
        assertEquals(1, r.shots().get(1).length());
        assertEquals(1, r.shots().get(2).version());
    }

    /** Each bad row is an error naming its line and column; the good rows still come back. */
    @Test
    void aBadRowIsAnErrorForThatShotOnly() {
        PullLists.Read r = csv("""
                shot,clip,tc_in,tc_out,first_frame,last_frame,handles
                SH010,C1,10:00:00:00,10:00:00:10,,,4
                SH020,C2,10:00:00:10,10:00:00:00,,,
                SH030,C3,10:00:00:00,nope,,,
                SH040,C4,,,86400,86399,
                SH050,C5,,,86400,86410,-2
                ,C6,10:00:00:00,10:00:00:10,,,
                SH070,C7,10:00:00:00
                SH080,,10:00:00:00,10:00:00:10,,,
                SH090,C9,,,,,
                SH100,C10,10:00:00:00,10:00:00:30,,,
                """);
        assertEquals(List.of("SH010"), r.shots().stream().map(Shot::shot).toList());
        List<String> messages = r.errors().stream().map(RushesException::getMessage).toList();
        assertEquals(List.of(
                "Cannot read turnover.csv: at line 3, column tc_out: tc_out 10:00:00:00 is before tc_in 10:00:00:10. Give tc_out at or after tc_in (both inclusive)",
                "Cannot read turnover.csv: at line 4, column tc_out: 'nope' is not a timecode. Write timecode as HH:MM:SS:FF",
                "Cannot read turnover.csv: at line 5, column last_frame: 86399 is outside 86400 to 9223372036854775807. Give a last_frame in that range",
                "Cannot read turnover.csv: at line 6, column handles: -2 is outside 0 to 10000. Give a handles in that range",
                "Cannot read turnover.csv: at line 7, column shot: the shot has no name. Name every shot (e.g. SH010)",
                "Cannot read turnover.csv: at line 8: has 3 fields for 7 columns. Give every row one field per header column (quote fields holding commas)",
                "Cannot read turnover.csv: at line 9, shot SH080: names neither a clip nor a reel. Give the source clip or its reel",
                "Cannot read turnover.csv: at line 10, shot SH090: gives no source range. Give tc_in and tc_out, or first_frame and last_frame"),
                messages.subList(0, 8));
        assertEquals(9, r.errors().size(), messages.toString());
        assertTrue(messages.get(8).startsWith("Cannot read turnover.csv: at line 11, column tc_out: timecode 10:0:0:30"), messages.get(8));
        assertTrue(r.errors().stream().allMatch(e -> e.code() == ErrorCode.INVALID_DOCUMENT));
    }

    @Test
    void aHeaderWithAnUnknownOrMissingColumnIsRefusedWhole() {
        RushesException unknown = assertThrows(RushesException.class, () -> csv("shot,clip,tc_start\n"));
        assertTrue(unknown.getMessage().startsWith("Cannot read turnover.csv: at line 1, column 'tc_start': is not a pull-list column. Use the columns amf, clip"),
                unknown.getMessage());
        RushesException noShot = assertThrows(RushesException.class, () -> csv("clip,tc_in,tc_out\n"));
        assertEquals("Cannot read turnover.csv: at line 1: a pull list needs a shot column and a clip or reel column. Add the missing columns "
                + "to the header row", noShot.getMessage());
        RushesException open = assertThrows(RushesException.class, () -> csv("shot,clip\n\"SH010,C1\n"));
        assertEquals("Cannot read turnover.csv: at line 3: a quoted field is not closed. Close the field with a double quote", open.getMessage());
        RushesException huge = assertThrows(RushesException.class, () -> csv("shot,clip\n" + "x".repeat(5000) + ",C\n"));
        assertEquals(ErrorCode.INVALID_DOCUMENT, huge.code());
    }

    private static PullLists.Read edl(String name, int rate) throws Exception {
        Path file = Samples.dir().resolve("editorial").resolve(name);
        return CmxEdl.read(Files.readAllBytes(file), name, rate);
    }

    /** Every EDL of the OpenTimelineIO suite reads without an error. */
    @Test
    void everySampleEdlReads() throws Exception {
        for (String name : List.of("otio_25fps.edl", "otio_avid_example.edl", "otio_cdl.edl", "otio_multi_audio.edl", "otio_nucoda_example.edl",
                "otio_premiere_example.edl", "otio_speed_effects_small.edl", "otio_transition_duration.edl")) {
            PullLists.Read r = edl(name, name.contains("25fps") ? 25 : 24);
            assertEquals(List.of(), r.errors(), name);
        }
        assertEquals(List.of(), edl("otio_multi_audio.edl", 24).shots(), "an audio-only event is no plate");
    }

    @Test
    void sourceOutIsExclusiveAndClipNamesLoseTheirNotes() throws Exception {
        Shot s = edl("otio_premiere_example.edl", 24).shots().get(0);
        assertEquals("ZZ100_501.take_1.0001.exr", s.clip());
        assertEquals("01:00:04:05", s.in().toString());
        assertEquals("01:00:05:11", s.last().toString(), "the EDL's source out 01:00:05:12 is the first frame after the event");
        assertEquals(31, s.length());
        assertEquals("AX".equals(s.reel()) ? null : s.reel(), s.reel());
        PullLists.Read fps25 = edl("otio_25fps.edl", 25);
        assertEquals(List.of("sq001_s001", "sq001_s002", "sq001_s003", "sq001_s004"), fps25.shots().stream().map(Shot::clip).toList());
        assertEquals(25 * 6 + 11, fps25.shots().get(0).length());
        assertEquals("SC00.JPG", fps25.shots().get(0).reel());
    }

    /** Both spellings of the CDL comments (with and without the colon) give the same correction. */
    @Test
    void theEditorsCdlComesWithTheEvent() throws Exception {
        PullLists.Read r = edl("otio_cdl.edl", 24);
        assertEquals(2, r.shots().size());
        for (Shot s : r.shots()) {
            assertEquals("ZZ100_501", s.clip());
            assertArrayEquals(new double[] {0.1, 0.2, 0.3}, s.cdl().slope());
            assertArrayEquals(new double[] {1.0, -0.0122, 0.0305}, s.cdl().offset());
            assertArrayEquals(new double[] {1.0, 0.0, 1.0}, s.cdl().power());
            assertEquals(0.9, s.cdl().saturation());
        }
        assertNull(edl("otio_premiere_example.edl", 24).shots().get(0).cdl());
    }

    @Test
    void aDissolvePullsItsOutgoingSideAndRetimesAreNoted() throws Exception {
        PullLists.Read t = edl("otio_transition_duration.edl", 24);
        List<String> ranges = t.shots().stream().map(s -> s.reel() + " " + s.in() + "-" + s.last()).toList();
        assertEquals(List.of("ABC0100. 01:00:12:15-01:00:17:00", "ABC0200. 01:00:11:07-01:00:14:08", "ABC0200. 01:00:14:09-01:00:15:10",
                "ABC0300. 01:00:10:08-01:00:13:08", "ABC0400. 01:00:11:09-01:00:17:19"), ranges);
        assertTrue(t.notes().get(0).contains("event 003 dissolves out over 26 frames"), t.notes().toString());
        PullLists.Read speed = edl("otio_speed_effects_small.edl", 24);
        assertEquals(5, speed.shots().size());
        assertEquals(3, speed.notes().size(), speed.notes().toString());
        assertTrue(speed.notes().get(0).contains("event 002 is a freeze frame (M2)"), speed.notes().toString());
        assertTrue(speed.notes().get(2).contains("event 005 is retimed to 047.6 fps (M2)"), speed.notes().toString());
        assertEquals("Z682_156", speed.shots().get(1).clip());
    }

    @Test
    void aBrokenEventIsAnErrorForThatEventOnly() {
        byte[] edl = """
                TITLE: broken
                001  A001 V     C        01:00:00:00 01:00:01:00 00:00:00:00 00:00:01:00
                002  A002 V     C        01:00:02:00 01:00:01:00 00:00:01:00 00:00:02:00
                this is not an event
                003  A003 V     C        01:00:00:00 01:00:00:12 00:00:02:00 00:00:02:12
                *ASC_SOP (1 1) (0 0 0) (1 1 1)
                """.getBytes(StandardCharsets.UTF_8);
        PullLists.Read r = CmxEdl.read(edl, "cut.edl", 24);
        assertEquals(List.of("A001"), r.shots().stream().map(Shot::reel).toList());
        assertEquals(List.of(
                "Cannot read cut.edl: at line 4: is not a CMX3600 event, comment or note: 'this is not an event'. Check the line (an event is: "
                        + "number, reel, channels, transition, four timecodes)",
                "Cannot read cut.edl: at line 3, event 002: the source out 01:00:01:00 is before the source in 01:00:02:00. Fix the event's source timecodes",
                "Cannot read cut.edl: at line 5, event 003, ASC_SOP: '(1 1)' does not hold three numbers. Write slope, offset and power as (r g b) each"),
                r.errors().stream().map(RushesException::getMessage).toList());
        RushesException none = assertThrows(RushesException.class, () -> CmxEdl.read("TITLE: x\n".getBytes(StandardCharsets.UTF_8), "x.edl", 24));
        assertEquals("Cannot read x.edl: at line 1: holds no CMX3600 event. Check that this is an EDL (a CMX3600 event list)", none.getMessage());
    }

    private static byte[] sample(String name) throws Exception {
        return Files.readAllBytes(Samples.dir().resolve("editorial").resolve(name));
    }

    /** The ALE of OpenTimelineIO's suite: Name as the shot, Tape as the camera clip, End exclusive, the CDL columns. */
    @Test
    void anAleGivesItsClipsWithTheirCdl() throws Exception {
        PullLists.Read r = Ale.read(sample("otio_sample_no_blanks.ale"), "dailies.ale");
        assertEquals(List.of(), r.errors());
        assertEquals(List.of("469C-4-1", "469C-4-2", "469C-4-3", "469C-4-4", "469C-4-5", "469C-4-6"), r.shots().stream().map(Shot::shot).toList());
        Shot s = r.shots().get(0);
        assertEquals("A_0076C001_230511_184122_h1CTJ", s.clip());
        assertEquals("19:42:28:17", s.in().toString());
        assertEquals("19:44:13:03", s.last().toString(), "End 19:44:13:04 is the first frame after");
        assertEquals(25 * 104 + 12, s.length(), "the Duration column: 00:01:44:12 at 25 fps");
        assertArrayEquals(new double[] {1.0284, 1.0284, 1.0284}, s.cdl().slope());
        assertArrayEquals(new double[] {1.0244, 1.0, 1.1068}, s.cdl().power());
        assertEquals(1.0, s.cdl().saturation());
        RushesException notAle = assertThrows(RushesException.class, () -> Ale.read("hello".getBytes(StandardCharsets.UTF_8), "x.ale"));
        assertEquals("Cannot read x.ale: at line 1: has no Column and Data sections. Check that this is an Avid Log Exchange (ALE) file",
                notAle.getMessage());
    }

    /** OTIO timelines read directly: video clips in track order, a missing source range taken from the media's available range. */
    @Test
    void otioTimelinesGiveTheirVideoClips() throws Exception {
        PullLists.Read cut = Otio.read(sample("otio_simple_cut.otio"), "cut.otio");
        assertEquals(List.of(), cut.errors());
        assertEquals(List.of("titles", "wind-up", "punchline", "credits"), cut.shots().stream().map(Shot::clip).toList());
        assertEquals(List.of(3L, 6L, 4L, 6L), cut.shots().stream().map(Shot::length).toList());
        assertEquals("00:00:00:03", cut.shots().get(0).in().toString());
        PullLists.Read screening = Otio.read(sample("otio_screening_example.otio"), "screening.otio");
        assertEquals(9, screening.shots().size());
        Shot two = screening.shots().get(1);
        assertEquals("ZZ100_502A", two.clip());
        assertEquals("ZZ100_50", two.reel());
        assertEquals("01:00:06:13", two.in().toString(), "86557 frames at 24 fps");
        assertEquals(50, two.length());
        assertEquals(5, Otio.read(sample("otio_multitrack.otio"), "multi.otio").shots().size());
        assertEquals(1, Otio.read(sample("otio_clip_example.otio"), "clip.otio").shots().size());
        RushesException notOtio = assertThrows(RushesException.class, () -> Otio.read("{\"a\": 1}".getBytes(StandardCharsets.UTF_8), "x.otio"));
        assertEquals("Cannot read x.otio: at $.OTIO_SCHEMA: is not an OpenTimelineIO timeline. Give a .otio file whose root is a Timeline",
                notOtio.getMessage());
        RushesException deep = assertThrows(RushesException.class, () -> Otio.read("[".repeat(1000).getBytes(StandardCharsets.UTF_8), "deep.otio"));
        assertEquals(ErrorCode.INVALID_DOCUMENT, deep.code(), deep.getMessage());
    }
}
