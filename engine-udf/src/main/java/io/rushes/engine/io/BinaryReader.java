package io.rushes.engine.io;

import io.rushes.engine.error.Errors;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked, endian-aware reads at absolute offsets of a {@link ByteSource}, through a small page
 * cache so that parsing a header costs a few positional reads. Every read past the end of the file, and
 * every length a header asks for above {@link #maxBlock}, becomes a {@code RushesException} naming the
 * file and offset; nothing here trusts a value read from the file.
 */
public final class BinaryReader {
    private static final int PAGE = 4096;
    private static final int PAGES = 8;

    private final ByteSource source;
    private final long size;
    private final long maxBlock;
    private final Pages pages;
    private ByteOrder order = ByteOrder.BIG_ENDIAN;

    /** The page cache, shared by a reader and its {@link #view views}. */
    private static final class Pages {
        final long[] index = new long[PAGES];
        final byte[][] data = new byte[PAGES][PAGE];
        int nextVictim;

        Pages() {
            java.util.Arrays.fill(index, -1);
        }
    }

    /**
     * @param maxBlock the largest single block ({@link #bytes}) a header may ask for
     */
    public BinaryReader(ByteSource source, long maxBlock) throws IOException {
        this(source, source.size(), maxBlock, new Pages());
    }

    private BinaryReader(ByteSource source, long size, long maxBlock, Pages pages) {
        this.source = source;
        this.size = size;
        this.maxBlock = maxBlock;
        this.pages = pages;
    }

    /**
     * A reader over the same file and page cache with its own byte order: for a structure embedded in
     * another (a little-endian TIFF inside a big-endian container), so neither changes the other's order.
     */
    public BinaryReader view(ByteOrder viewOrder) {
        return new BinaryReader(source, size, maxBlock, pages).order(viewOrder);
    }

    public BinaryReader(ByteSource source) throws IOException {
        this(source, 16L << 20);
    }

    /** A reader over a source, its storage failure (the size cannot be read) turned into a RushesException naming the file. */
    public static BinaryReader open(ByteSource source) {
        try {
            return new BinaryReader(source);
        } catch (IOException e) {
            throw Errors.io(source.name(), e);
        }
    }

    public String name() {
        return source.name();
    }

    public long size() {
        return size;
    }

    public ByteOrder order() {
        return order;
    }

    public BinaryReader order(ByteOrder newOrder) {
        this.order = newOrder;
        return this;
    }

    public boolean bigEndian() {
        return order == ByteOrder.BIG_ENDIAN;
    }

    /** Fails unless {@code [offset, offset+length)} lies inside the file. */
    public void require(long offset, long length, String what) {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw Errors.truncated(source.name(), offset, what);
        }
    }

    private byte[] page(long pageNo) {
        for (int i = 0; i < PAGES; i++) {
            if (pages.index[i] == pageNo) {
                return pages.data[i];
            }
        }
        int slot = pages.nextVictim;
        pages.nextVictim = (pages.nextVictim + 1) % PAGES;
        pages.index[slot] = -1;
        long start = pageNo * PAGE;
        int want = (int) Math.min(PAGE, size - start);
        try {
            int got = 0;
            while (got < want) {
                int n = source.read(start + got, pages.data[slot], got, want - got);
                if (n < 0) {
                    break;
                }
                got += n;
            }
            if (got < want) {
                throw Errors.truncated(source.name(), start + got, "the size it reports (it shrank while being read)");
            }
        } catch (IOException e) {
            throw Errors.io(source.name(), e);
        }
        pages.index[slot] = pageNo;
        return pages.data[slot];
    }

    public int u8(long offset) {
        require(offset, 1, "a 1-byte value");
        return page(offset / PAGE)[(int) (offset % PAGE)] & 0xFF;
    }

    /** Copies {@code length} bytes at {@code offset} into a new array (bounded by the file and by maxBlock). */
    public byte[] bytes(long offset, long length, String what) {
        if (length > maxBlock) {
            throw Errors.limitExceeded(source.name(), offset, "the size of " + what, length, maxBlock);
        }
        require(offset, length, what);
        byte[] out = new byte[(int) length];
        int done = 0;
        while (done < length) {
            long pos = offset + done;
            if (length - done >= PAGE && pos % PAGE == 0) {
                // Large aligned blocks bypass the cache.
                try {
                    int n = source.read(pos, out, done, (int) (length - done));
                    if (n <= 0) {
                        throw Errors.truncated(source.name(), pos, what);
                    }
                    done += n;
                } catch (IOException e) {
                    throw Errors.io(source.name(), e);
                }
                continue;
            }
            byte[] p = page(pos / PAGE);
            int inPage = (int) (pos % PAGE);
            int n = (int) Math.min(PAGE - inPage, length - done);
            System.arraycopy(p, inPage, out, done, n);
            done += n;
        }
        return out;
    }

    public int u16(long offset) {
        require(offset, 2, "a 2-byte value");
        int a = u8(offset);
        int b = u8(offset + 1);
        return bigEndian() ? (a << 8) | b : (b << 8) | a;
    }

    public long u32(long offset) {
        require(offset, 4, "a 4-byte value");
        long a = u16(offset);
        long b = u16(offset + 2);
        return bigEndian() ? (a << 16) | b : (b << 16) | a;
    }

    public int i32(long offset) {
        return (int) u32(offset);
    }

    public long u64(long offset) {
        require(offset, 8, "an 8-byte value");
        long a = u32(offset);
        long b = u32(offset + 4);
        return bigEndian() ? (a << 32) | b : (b << 32) | a;
    }

    public float f32(long offset) {
        return Float.intBitsToFloat(i32(offset));
    }

    public double f64(long offset) {
        return Double.longBitsToDouble(u64(offset));
    }

    /** Text of at most {@code length} bytes, cut at the first NUL, trailing spaces removed. */
    public String ascii(long offset, int length) {
        return text(bytes(offset, length, "a text field"), StandardCharsets.ISO_8859_1);
    }

    public String utf8(long offset, int length) {
        return text(bytes(offset, length, "a text field"), StandardCharsets.UTF_8);
    }

    public static String text(byte[] raw, java.nio.charset.Charset charset) {
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, charset).strip();
    }
}
