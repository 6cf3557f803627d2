package io.rushes.engine.io;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hashing;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * A sink that counts and hashes (XXH3-128, as ASC MHL's xxh128) the bytes it passes on, so an output's size and hash
 * are known as it is written, without reading it back from storage.
 */
public final class DigestingSink implements ByteSink {
    private final ByteSink sink;
    private long bytes = -1;
    private String xxh128;

    public DigestingSink(ByteSink sink) {
        this.sink = sink;
    }

    @Override
    public String name() {
        return sink.name();
    }

    @Override
    public void write(Content content) throws IOException {
        HashStream128 hash = Hashing.xxh3_128().hashStream();
        long[] count = {0};
        sink.write(out -> content.writeTo(new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                hash.putByte((byte) b);
                count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                hash.putBytes(b, off, len);
                count[0] += len;
            }
        }));
        HashValue128 v = hash.get();
        bytes = count[0];
        xxh128 = String.format(Locale.ROOT, "%016x%016x", v.getMostSignificantBits(), v.getLeastSignificantBits());
    }

    /** Bytes of the last committed write (-1 before one). */
    public long bytes() {
        return bytes;
    }

    /** xxh128 of the last committed write, lower-case hex, high half first (as xxhsum and ASC MHL spell it). */
    public String xxh128() {
        return xxh128;
    }
}
