package io.rushes.engine.format.mxf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rushes.engine.Samples;
import io.rushes.engine.TestInspect;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MXF duration and creation date when the material package does not give them, on copies of the regxmllib
 * JPEG 2000 sample (one frame at 24000/1001) with items of its header metadata overwritten in place.
 */
class MxfDurationAndDateTest {
    /** Value offsets in the sample (local tag + length + 4): the material package's sequence and source clip durations, then the file package's. */
    private static final int[] MATERIAL_DURATIONS = {2606, 2710, 2966, 3086};
    private static final int[] FILE_DURATIONS = {4094, 4226, 4482, 4602};
    private static final int MATERIAL_CREATED = 2348;
    private static final int FILE_CREATED = 3293;
    private static final int IDENTIFICATION_WRITTEN = 4929;
    private static final int CONTAINER_DURATION = 3562;

    @TempDir
    Path dir;

    private static byte[] sample() throws IOException {
        return Files.readAllBytes(Samples.dir().resolve("video/regxmllib_video1.mxf"));
    }

    private ClipMetadata inspect(byte[] b, String name) throws IOException {
        ClipMetadata md = TestInspect.one(Files.write(dir.resolve(name), b)).metadata();
        assertEquals("ok", md.string(ClipField.STATUS));
        return md;
    }

    private static void unknown(byte[] b, int[] durations) {
        for (int at : durations) {
            ByteBuffer.wrap(b).putLong(at, -1);
        }
    }

    /** An MXF timestamp: year (u16), month, day, hour, minute, second, quarter-milliseconds. */
    private static void date(byte[] b, int at, int year, int month, int day, int hour, int minute, int second) {
        ByteBuffer.wrap(b).putShort(at, (short) year).put(at + 2, (byte) month).put(at + 3, (byte) day).put(at + 4, (byte) hour)
                .put(at + 5, (byte) minute).put(at + 6, (byte) second).put(at + 7, (byte) 0);
    }

    @Test
    void theSampleReadsAsBefore() throws IOException {
        ClipMetadata md = inspect(sample(), "whole.mxf");
        assertEquals(1001.0 / 24000, md.number(ClipField.DURATION), 1e-12);
        assertEquals("2015-05-05T09:01:04Z", md.string(ClipField.RECORD_DATETIME));
    }

    @Test
    void aMaterialPackageOfUnknownLengthTakesTheFilePackages() throws IOException {
        byte[] b = sample();
        unknown(b, MATERIAL_DURATIONS);
        ByteBuffer.wrap(b).putLong(FILE_DURATIONS[0], 48).putLong(FILE_DURATIONS[1], 48).putLong(CONTAINER_DURATION, 48);
        ClipMetadata md = inspect(b, "file-package.mxf");
        assertEquals(48 * 1001.0 / 24000, md.number(ClipField.DURATION), 1e-12);
        assertEquals(48L, md.get(ClipField.FRAME_COUNT));
    }

    @Test
    void noPackageOfKnownLengthLeavesTheEssenceContainersDuration() throws IOException {
        byte[] b = sample();
        unknown(b, MATERIAL_DURATIONS);
        unknown(b, FILE_DURATIONS);
        ClipMetadata md = inspect(b, "container.mxf"); // ContainerDuration 1 at SampleRate 24000/1001 (ExifTool gives none here)
        assertEquals(1001.0 / 24000, md.number(ClipField.DURATION), 1e-12);
        assertEquals(1L, md.get(ClipField.FRAME_COUNT));
    }

    @Test
    void theCreationDateFallsBackToTheFilePackageThenTheIdentification() throws IOException {
        byte[] b = sample();
        ByteBuffer.wrap(b).putLong(MATERIAL_CREATED, 0);
        date(b, FILE_CREATED, 2016, 1, 2, 3, 4, 5);
        assertEquals("2016-01-02T03:04:05Z", inspect(b, "file-created.mxf").string(ClipField.RECORD_DATETIME)); // ExifTool's CreateDate too
        ByteBuffer.wrap(b).putLong(FILE_CREATED, 0);
        date(b, IDENTIFICATION_WRITTEN, 2017, 6, 7, 8, 9, 10);
        assertEquals("2017-06-07T08:09:10Z", inspect(b, "written.mxf").string(ClipField.RECORD_DATETIME));
    }
}
