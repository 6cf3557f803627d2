package io.rushes.jobs.hadoop;

import io.rushes.engine.io.ByteSink;
import io.rushes.engine.io.FileByteSink;
import io.rushes.engine.io.OutputFolder;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/**
 * A folder of any Hadoop file system (local, HDFS, S3A) as the engine's output folder; scratch files go to
 * java.io.tmpdir.
 */
public final class HadoopOutputFolder implements OutputFolder {
    private final org.apache.hadoop.fs.Path folder;
    private final Configuration conf;

    public HadoopOutputFolder(String uri, Configuration conf) {
        this.folder = new org.apache.hadoop.fs.Path(uri);
        this.conf = conf;
    }

    @Override
    public String name() {
        return folder.toString();
    }

    @Override
    public ByteSink file(String fileName) {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(folder, fileName);
        String scheme = file.toUri().getScheme();
        if (scheme == null || scheme.equals("file")) {
            // Local files directly: Hadoop's local file system would put a .crc file beside every deliverable, and its
            // rename cannot replace a file atomically.
            Path local = Path.of(file.toUri().getPath());
            FileByteSink sink = new FileByteSink(local);
            return new ByteSink() {
                @Override
                public String name() {
                    return file.toString(); // the URI, as every other store's outputs are recorded
                }

                @Override
                public void write(Content content) throws java.io.IOException {
                    java.nio.file.Files.createDirectories(local.getParent());
                    sink.write(content);
                }
            };
        }
        return new HadoopByteSink(file, conf);
    }

    @Override
    public Path scratch() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }
}
