package io.rushes.jobs.hadoop;

import io.rushes.engine.io.ByteSource;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The engine's byte source over any Hadoop file system (local, HDFS, S3A…). Header reads are
 * positioned reads with the "random" read policy, so S3A fetches the few kilobytes asked for instead of
 * streaming the object; hashing opens a separate whole-file stream.
 */
public final class HadoopByteSource implements ByteSource {
    private static final String READ_POLICY = "fs.option.openfile.read.policy";

    private final Path path;
    private final FileSystem fs;
    private FileStatus status;
    private FSDataInputStream in;

    public HadoopByteSource(Path path, Configuration conf) throws IOException {
        this.path = path;
        this.fs = path.getFileSystem(conf);
    }

    @Override
    public String name() {
        return path.toString();
    }

    private FileStatus status() throws IOException {
        if (status == null) {
            status = fs.getFileStatus(path);
        }
        return status;
    }

    @Override
    public long size() throws IOException {
        return status().getLen();
    }

    @Override
    public int read(long position, byte[] dst, int off, int len) throws IOException {
        if (position >= size()) {
            return -1;
        }
        if (in == null) {
            in = open("random");
        }
        return in.read(position, dst, off, len);
    }

    @Override
    public InputStream openStream() throws IOException {
        return open("whole-file");
    }

    private FSDataInputStream open(String policy) throws IOException {
        try {
            return fs.openFile(path).withFileStatus(status()).opt(READ_POLICY, policy).build().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted opening " + path, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    @Override
    public long lastModifiedMillis() throws IOException {
        return status().getModificationTime();
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
            in = null;
        }
    }
}
