package io.rushes.engine.format.movie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.format.SourceFrame;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.io.CountingByteSource;
import io.rushes.engine.io.FileByteSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * Movies are read through any ByteSource (an S3 object as a local file): only the bytes asked for, a failing source is
 * one I/O error naming the file, and every AVIO context is freed on close; MXF index tables decide how frames are found.
 */
class MovieSourceTest {
    private static Path sample(String file) {
        return Samples.dir().resolve("video").resolve(file);
    }

    /** The bytes of a file in memory, failing reads that touch {@code failFrom .. failTo - 1}, as a dropped S3 connection does. */
    private record MemorySource(String name, byte[] bytes, long failFrom, long failTo) implements ByteSource {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public int read(long position, byte[] dst, int off, int len) throws IOException {
            if (position + len > failFrom && position < failTo) {
                throw new IOException("connection reset reading " + name + " at " + position);
            }
            if (position >= bytes.length) {
                return -1;
            }
            int n = (int) Math.min(len, bytes.length - position);
            System.arraycopy(bytes, (int) position, dst, off, n);
            return n;
        }

        @Override
        public InputStream openStream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long lastModifiedMillis() {
            return -1;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aMovieInMemoryReadsAsTheFileDoesReadingOnlyTheFramesAskedFor() throws Exception {
        Path file = sample("gopro_karma.mp4");
        byte[] bytes = Files.readAllBytes(file);
        int before = ByteSourceIo.openCount();
        LongAdder read = new LongAdder();
        try (MovieReader fromMemory = MovieReader.open(new CountingByteSource(new MemorySource("s3://bucket/gopro_karma.mp4", bytes, Long.MAX_VALUE, Long.MAX_VALUE), read));
             FileByteSource source = new FileByteSource(file);
             MovieReader fromFile = MovieReader.open(source)) {
            SourceFrame.Rgb a = (SourceFrame.Rgb) fromMemory.read(3, null);
            SourceFrame.Rgb b = (SourceFrame.Rgb) fromFile.read(3, null);
            assertEquals(0, MovieSamplesTest.largestDifference(a.image(), b.image()), 0);
            assertTrue(read.sum() < bytes.length / 4, "frame 3 of 362 needs the index and the first GOP, not the file: read " + read.sum()
                    + " of " + bytes.length + " bytes");
        }
        assertEquals(before, ByteSourceIo.openCount(), "both AVIO contexts freed");
    }

    @Test
    void aSourceThatFailsIsOneIoErrorNamingTheFileAndFreesEverything() throws Exception {
        byte[] bytes = Files.readAllBytes(sample("gopro_karma.mp4"));
        int before = ByteSourceIo.openCount();
        RushesException atOpen = assertThrows(RushesException.class, () -> MovieReader.open(new MemorySource("s3://bucket/a.mp4", bytes, 100, Long.MAX_VALUE)));
        assertEquals(ErrorCode.IO, atOpen.code());
        assertTrue(atOpen.getMessage().startsWith("Cannot read s3://bucket/a.mp4: I/O error: connection reset reading s3://bucket/a.mp4"), atOpen.getMessage());
        int moov = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).lastIndexOf("moov");
        try (MovieReader reader = MovieReader.open(new MemorySource("s3://bucket/b.mp4", bytes, moov - 100_000, moov - 8))) { // the last frames' data
            RushesException later = assertThrows(RushesException.class, () -> reader.read(reader.frameCount() - 1, null));
            assertEquals(ErrorCode.IO, later.code());
            assertTrue(later.getMessage().startsWith("Cannot read s3://bucket/b.mp4: I/O error"), later.getMessage());
        }
        assertEquals(before, ByteSourceIo.openCount(), "the failed open's and the reader's AVIO contexts freed");
    }

    @Test
    void mxfIndexTablesAreFoundInAnyPartition() throws Exception {
        for (String indexed : new String[] {"bmx_d10_qt_klv_sample.mxf", "regxmllib_video1.mxf", "regxmllib_video2.mxf"}) {
            try (FileByteSource source = new FileByteSource(sample(indexed))) {
                assertTrue(MxfIndexTables.present(source), indexed + ": an index table segment in its footer or a body partition");
            }
        }
        try (FileByteSource source = new FileByteSource(sample("filetype_fixture.mxf"))) {
            assertFalse(MxfIndexTables.present(source), "no partition of filetype_fixture.mxf has IndexByteCount > 0");
        }
    }
}
