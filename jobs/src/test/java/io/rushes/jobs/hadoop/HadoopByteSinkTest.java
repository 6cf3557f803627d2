package io.rushes.jobs.hadoop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rushes.engine.io.ByteSink;
import io.rushes.jobs.testing.S3ProxyServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs through Hadoop: whole files or none, on the local file system (rename) and on S3 (aborted uploads). */
class HadoopByteSinkTest {
    @TempDir
    static Path dir;
    static S3ProxyServer s3;
    static Configuration conf;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3ProxyServer.start(dir.resolve("s3"), "plates");
        conf = new Configuration();
        s3.configure(conf);
    }

    @AfterAll
    static void stop() {
        if (s3 != null) {
            s3.close();
        }
    }

    private static String read(FileSystem fs, org.apache.hadoop.fs.Path p) throws IOException {
        try (var in = fs.open(p)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> names(FileSystem fs, org.apache.hadoop.fs.Path folder) throws IOException {
        return Arrays.stream(fs.listStatus(folder)).map(FileStatus::getPath).map(org.apache.hadoop.fs.Path::getName).sorted().toList();
    }

    private static void wholeOrNothing(String folder) throws IOException {
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(folder);
        FileSystem fs = root.getFileSystem(conf);
        org.apache.hadoop.fs.Path plate = new org.apache.hadoop.fs.Path(root, "shot010/plate.1001.exr");
        ByteSink sink = new HadoopByteSink(plate, conf);
        sink.write(out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
        sink.write(out -> out.write("second".getBytes(StandardCharsets.UTF_8)));
        assertEquals("second", read(fs, plate), "a second write replaces the first");

        IOException e = assertThrows(IOException.class, () -> sink.write(out -> {
            out.write(new byte[6 << 20]); // past S3A's first multipart block
            throw new IOException("connection reset");
        }));
        assertEquals("connection reset", e.getMessage());
        assertEquals("second", read(fs, plate), "a failed write leaves the committed file");

        org.apache.hadoop.fs.Path fresh = new org.apache.hadoop.fs.Path(root, "shot010/plate.1002.exr");
        assertThrows(IllegalStateException.class, () -> new HadoopByteSink(fresh, conf).write(out -> {
            out.write(new byte[1000]);
            throw new IllegalStateException("a writer's bug");
        }));
        assertFalse(fs.exists(fresh), "no partial object or file under the final name");
        assertEquals(List.of("plate.1001.exr"), names(fs, plate.getParent()), "nothing left aside");
    }

    @Test
    void localFilesAreRenamedIntoPlace() throws IOException {
        wholeOrNothing(dir.resolve("local").toUri().toString());
    }

    @Test
    void s3ObjectsAppearOnlyWhenTheirUploadCompletes() throws IOException {
        assertEquals(true, FileSystem.get(URI.create("s3a://plates/"), conf)
                .hasPathCapability(new org.apache.hadoop.fs.Path("s3a://plates/x"), org.apache.hadoop.fs.CommonPathCapabilities.ABORTABLE_STREAM));
        wholeOrNothing("s3a://plates/turnover");
    }
}
