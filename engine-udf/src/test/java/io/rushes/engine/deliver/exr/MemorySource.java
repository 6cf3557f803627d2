package io.rushes.engine.deliver.exr;

import io.rushes.engine.io.ByteSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** The bytes of a file made in memory, read as a {@link ByteSource}. */
record MemorySource(String name, byte[] bytes) implements ByteSource {
    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public int read(long position, byte[] dst, int off, int len) {
        if (position >= bytes.length) {
            return -1;
        }
        int n = (int) Math.min(len, bytes.length - position);
        System.arraycopy(bytes, (int) position, dst, off, n);
        return n;
    }

    @Override
    public InputStream openStream() {
        return new ByteArrayInputStream(bytes);
    }

    @Override
    public long lastModifiedMillis() {
        return -1;
    }

    @Override
    public void close() {
    }
}
