package io.rushes.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rushes pull check}: each kind of pull list told by content, its shots listed, its errors with line and field. */
class PullCommandTest {
    private static Path editorial(String name) {
        // The build sets RUSHES_SAMPLES; the default is the samples seen from jobs/.
        String root = System.getenv().getOrDefault("RUSHES_SAMPLES", "../../shared/samples");
        return Path.of(root, "editorial", name);
    }

    @Test
    void readsEveryKindByContent(@TempDir Path dir) throws Exception {
        Path edlNamedCsv = dir.resolve("cut.csv"); // an EDL whatever its name says
        Files.copy(editorial("otio_cdl.edl"), edlNamedCsv);
        CliRun r = CliRun.of("pull", "check", edlNamedCsv.toString(), editorial("otio_sample_no_blanks.ale").toString(),
                editorial("otio_simple_cut.otio").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains(edlNamedCsv + ": CMX3600_EDL, 2 shots, 0 errors"), r.out());
        assertTrue(r.out().contains("otio_sample_no_blanks.ale: ALE, 6 shots, 0 errors"), r.out());
        assertTrue(r.out().contains("otio_simple_cut.otio: OTIO, 4 shots, 0 errors"), r.out());
        assertTrue(r.out().contains("01:00:04:05-01:00:05:11 (31 frames, handles 0), CDL"), r.out());
    }

    @Test
    void aBrokenShotIsListedWithItsLineAndTheCommandFails(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("turnover.csv");
        Files.writeString(csv, "shot,clip,tc_in,tc_out,handles\nSH010,A001C003,10:00:00:00,10:00:00:10,8\nSH020,A001C004,10:00:01:00,nope,8\n");
        CliRun r = CliRun.of("pull", "check", csv.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains(csv + ": CSV, 1 shots, 1 errors"), r.out());
        assertTrue(r.out().contains("error: Cannot read " + csv + ": at line 3, column tc_out: 'nope' is not a timecode"), r.out());
        CliRun bad = CliRun.of("pull", "check", "--rate", "0", csv.toString());
        assertEquals(2, bad.code());
        assertEquals("rushes pull check: Cannot check: --rate 0 is not a timecode rate. Give 24, 25, 30…", bad.err().strip());
    }
}
