package io.rushes.engine.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Random read access to the bytes of one file. The engine reads everything through this interface; the
 * host supplies implementations (local files here, Hadoop/S3A in the jobs module), so the engine core
 * never sees a storage API.
 */
public interface ByteSource extends Closeable {

    /** Path or URI of the file, for messages and records. */
    String name();

    /** File size in bytes. */
    long size() throws IOException;

    /**
     * Reads up to {@code len} bytes at {@code position}. Returns the count read, which is less than
     * {@code len} only at the end of the file, and -1 when {@code position} is at or past the end.
     */
    int read(long position, byte[] dst, int off, int len) throws IOException;

    /** A sequential stream over the whole file, for hashing. */
    InputStream openStream() throws IOException;

    /** Last-modified time in epoch milliseconds, or -1 when unknown. */
    long lastModifiedMillis() throws IOException;
}
