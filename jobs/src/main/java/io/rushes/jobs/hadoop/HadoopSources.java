package io.rushes.jobs.hadoop;

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

    /** The fully qualified form of a location ({@code /card} becomes {@code file:/card}). */
    public String qualify(String location) throws IOException {
        Path p = new Path(location);
        return p.getFileSystem(conf.get()).makeQualified(p).toString();
    }

    /**
     * Every regular file under a location (or the file itself), skipping hidden files and folders and
     * the ascmhl/ history folders, as {@code ClipDiscovery.listLocal} does for local paths.
     */
    public List<FileEntry> list(String location) throws IOException {
        Path root = new Path(location);
        FileSystem fs = root.getFileSystem(conf.get());
        FileStatus top;
        try {
            top = fs.getFileStatus(root);
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException("The source " + location + " does not exist: check the path or bucket name");
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
            if (!full.startsWith(prefix) || hidden(st.getPath().getName())) {
                continue;
            }
            if (st.isDirectory()) {
                walk(fs, st.getPath(), prefix, out);
            } else if (st.isFile()) {
                out.add(new FileEntry(full, full.substring(prefix.length()), st.getLen(), st.getModificationTime()));
            }
        }
    }

    private static boolean hidden(String name) {
        return name.startsWith(".") || name.equals("ascmhl");
    }
}
