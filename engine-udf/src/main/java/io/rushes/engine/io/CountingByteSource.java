package io.rushes.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.LongAdder;

/** Counts the bytes a reader pulls through random reads: how header-only reads are measured. */
public final class CountingByteSource implements ByteSource {
    private final ByteSource delegate;
    private final LongAdder bytesRead;

    public CountingByteSource(ByteSource delegate, LongAdder bytesRead) {
        this.delegate = delegate;
        this.bytesRead = bytesRead;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public int read(long position, byte[] dst, int off, int len) throws IOException {
        int n = delegate.read(position, dst, off, len);
        if (n > 0) {
            bytesRead.add(n);
        }
        return n;
    }

    @Override
    public InputStream openStream() throws IOException {
        return delegate.openStream();
    }

    @Override
    public long lastModifiedMillis() throws IOException {
        return delegate.lastModifiedMillis();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
