package io.rushes.engine.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClipDiscoveryTest {
    private static FileEntry f(String path) {
        return new FileEntry("/card/" + path, path, 100, 0);
    }

    @Test
    void groupsFrameSequencesAndReportsGaps() {
        List<FileEntry> files = new ArrayList<>();
        for (int i = 120; i <= 130; i++) {
            if (i != 123 && i != 124) {
                files.add(f(String.format("A001C003_230515_R1AB/A001C003_230515_R1AB.%06d.dng", i)));
            }
        }
        files.add(f("plates/name_0001.exr"));
        files.add(f("plates/name_0002.exr"));
        files.add(f("plates/name_0004.exr"));
        Discovery d = ClipDiscovery.group(files);
        assertEquals(2, d.clips().size());
        Clip seq = d.clips().get(0);
        assertEquals("A001C003_230515_R1AB", seq.name());
        assertEquals(Clip.Kind.SEQUENCE, seq.kind());
        assertEquals(120L, seq.firstFrame());
        assertEquals(130L, seq.lastFrame());
        assertEquals(List.of(123L, 124L), seq.missingFrames());
        assertEquals(9, seq.files().size());
        Clip exr = d.clips().get(1);
        assertEquals("name", exr.name());
        assertEquals(List.of(3L), exr.missingFrames());
    }

    @Test
    void moviesAreOneClipEachAndSidecarsAreNeverClips() {
        Discovery d = ClipDiscovery.group(List.of(f("Clips/clip_0001.mov"), f("Clips/clip_0002.mov"), f("A001.mhl"),
                f("A001C001.xml"), f("A001.ale"), f("A001C001_sound.wav"), f("ascmhl_chain.xml")));
        assertEquals(2, d.clips().size());
        assertEquals(Clip.Kind.MOVIE, d.clips().get(0).kind());
        assertEquals(5, d.sidecars().size());
    }

    @Test
    void redSegmentsSpanOneClip() {
        Discovery d = ClipDiscovery.group(List.of(f("A001_C037_0118G5_001.R3D"), f("A001_C037_0118G5_002.R3D"),
                f("A001_C038_0118G5_001.R3D")));
        assertEquals(2, d.clips().size());
        assertEquals(Clip.Kind.SPANNED, d.clips().get(0).kind());
        assertEquals(2, d.clips().get(0).files().size());
    }

    @Test
    void aHugeGapIsCountedButItsListIsBounded() {
        Discovery d = ClipDiscovery.group(List.of(f("s.0000001.dng"), f("s.900000000.dng")));
        Clip c = d.clips().get(0);
        assertEquals(899_999_998L, c.missingFrameCount());
        assertEquals(ClipDiscovery.MAX_LISTED_GAPS, c.missingFrames().size());
    }
}
