package io.rushes.jobs.hadoop;

import io.rushes.engine.io.ByteSink;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * An output through Hadoop's file systems, committed the way each store allows. Object stores (S3A) publish an
 * object only when its upload completes, so the stream is written in place and aborted on failure: no rename (a
 * copy on S3) and no partial object. File systems without abortable streams (local, HDFS) get a hidden file beside
 * the target, renamed over it.
 */
public final class HadoopByteSink implements ByteSink {
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
    private final Path path;
    private final Configuration conf;

    public HadoopByteSink(Path path, Configuration conf) {
        this.path = path;
        this.conf = conf;
    }

    @Override
    public String name() {
        return path.toString();
    }

    @Override
    public void write(Content content) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        if (fs.hasPathCapability(path, CommonPathCapabilities.ABORTABLE_STREAM)) {
            writeAbortable(fs, content);
        } else {
            writeAsideAndRename(fs, content);
        }
    }

    private void writeAbortable(FileSystem fs, Content content) throws IOException {
        FSDataOutputStream out = fs.createFile(path).overwrite(true).recursive().build();
        try {
            content.writeTo(out);
        } catch (IOException | RuntimeException | Error e) {
            try {
                out.abort();
            } catch (RuntimeException whileAborting) {
                e.addSuppressed(whileAborting);
            }
            throw e;
        }
        out.close();
    }

    private void writeAsideAndRename(FileSystem fs, Content content) throws IOException {
        // Random and never overwritten: two attempts of one task (a retry, a speculative copy) each write their own.
        Path aside = new Path(path.getParent(), "." + path.getName() + "." + Long.toHexString(RANDOM.nextLong()) + ".partial");
        boolean committed = false;
        try {
            try (FSDataOutputStream out = fs.createFile(aside).overwrite(false).recursive().build()) {
                content.writeTo(out);
            }
            // FileSystem.rename does not replace a file: the old one goes first (a reader may see none, never half).
            if (fs.exists(path) && !fs.delete(path, false)) {
                throw new IOException("Cannot replace " + path + ": the old file could not be deleted");
            }
            if (!fs.rename(aside, path)) {
                throw new IOException("Cannot publish " + path + ": renaming " + aside + " failed");
            }
            committed = true;
        } finally {
            if (!committed) {
                fs.delete(aside, false);
            }
        }
    }
}
