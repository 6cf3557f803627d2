package io.rushes.jobs.hadoop;

import io.rushes.engine.discovery.ClipDiscovery;
import io.rushes.engine.discovery.FileEntry;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.io.ByteSourceFactory;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** Opens and lists locations through Hadoop: the storage side of the engine in Spark jobs. */
public final class HadoopSources implements ByteSourceFactory, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private final SerializableConfiguration conf;

    public HadoopSources(Configuration conf) {
        this.conf = new SerializableConfiguration(conf);
    }

    @Override
    public ByteSource open(String location) throws IOException {
        return new HadoopByteSource(new Path(location), conf.get());
    }

    /** The Hadoop configuration these sources open files with (S3A endpoint, credentials provider…). */
    public Configuration configuration() {
        return conf.get();
    }

    /** The fully qualified form of a location ({@code /card} becomes {@code file:/card}). */
    public String qualify(String location) throws IOException {
        Path p = new Path(location);
        return p.getFileSystem(conf.get()).makeQualified(p).toString();
    }

    /** Every regular file under a location (or the file itself), by the engine's listing rules (ClipDiscovery.skips…). */
    public List<FileEntry> list(String location) throws IOException {
        Path root = new Path(location);
        FileSystem fs = root.getFileSystem(conf.get());
        FileStatus top;
        try {
            top = fs.getFileStatus(root);
        } catch (FileNotFoundException e) {
            throw io.rushes.engine.error.Errors.notFound(location, "the source does not exist", "Check the path or bucket name");
        }
        Path qualifiedRoot = top.getPath();
        List<FileEntry> out = new ArrayList<>();
        if (top.isFile()) {
            out.add(new FileEntry(qualifiedRoot.toString(), qualifiedRoot.getName(), top.getLen(), top.getModificationTime()));
            return out;
        }
        String prefix = qualifiedRoot.toString().endsWith("/") ? qualifiedRoot.toString() : qualifiedRoot + "/";
        walk(fs, qualifiedRoot, prefix, out);
        return out;
    }

    /**
     * Depth-first listing with plain FileStatus: LocatedFileStatus (listFiles) asks the local file system
     * for permissions, which costs a process fork per file; and hidden or ascmhl/ folders are not entered.
     */
    private static void walk(FileSystem fs, Path dir, String prefix, List<FileEntry> out) throws IOException {
        RemoteIterator<FileStatus> it = fs.listStatusIterator(dir);
        while (it.hasNext()) {
            FileStatus st = it.next();
            String full = st.getPath().toString();
            String name = st.getPath().getName();
            if (!full.startsWith(prefix)) {
                continue;
            }
            if (st.isDirectory()) {
                if (!ClipDiscovery.skipsFolder(name)) {
                    walk(fs, st.getPath(), prefix, out);
                }
            } else if (st.isFile() && !ClipDiscovery.skipsFile(name)) {
                out.add(new FileEntry(full, full.substring(prefix.length()), st.getLen(), st.getModificationTime()));
            }
        }
    }
}
