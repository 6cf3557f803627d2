package io.rushes.engine.format.dpx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rushes.engine.Samples;
import io.rushes.engine.io.FileByteSource;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** DPX headers read as ExifTool 12.57 (its DPX module) reads the same files. */
class DpxFormatTest {
    private static ClipMetadata read(String sample) throws IOException {
        try (FileByteSource source = new FileByteSource(Samples.dir().resolve(Path.of("exr_dpx", sample)))) {
            return new DpxFormat().read(source);
        }
    }

    @Test
    void telecineScanHeader() throws IOException {
        ClipMetadata md = read("exiftool_DPX.dpx");
        assertEquals(2048, md.get(ClipField.WIDTH));
        assertEquals(1556, md.get(ClipField.HEIGHT));
        assertEquals(10, md.get(ClipField.BIT_DEPTH));
        assertEquals("SPIRIT-4K DATACINE", md.get(ClipField.CAMERA_MODEL));
        assertEquals("01018", md.get(ClipField.CAMERA_SERIAL));
        assertEquals("2010-08-03T08:38:16", md.get(ClipField.RECORD_DATETIME));
        assertEquals("printing density", md.get(ClipField.TRANSFER));
        // ExifTool's Time Code 4117 is 0x00001015: BCD 00:00:10:15, counted at the assumed 24 fps.
        assertEquals("00:00:10:15", md.get(ClipField.START_TIMECODE));
        assertEquals("24", md.raw("DPX:TimecodeRateAssumed"));
    }

    @Test
    void nukeWrittenFrame() throws IOException {
        ClipMetadata md = read("oiio-images/dpx_nuke_10bits_rgb.dpx");
        assertEquals(512, md.get(ClipField.WIDTH));
        assertEquals(512, md.get(ClipField.HEIGHT));
        assertEquals("2011-03-08T14:47:25", md.get(ClipField.RECORD_DATETIME));
        assertEquals("Nuke", md.raw("DPX:Creator"));
        assertEquals("00:00:00:00", md.get(ClipField.START_TIMECODE));
    }
}
