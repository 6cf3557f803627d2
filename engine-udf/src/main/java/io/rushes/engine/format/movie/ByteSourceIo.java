package io.rushes.engine.format.movie;

import static org.bytedeco.ffmpeg.global.avformat.AVSEEK_SIZE;
import static org.bytedeco.ffmpeg.global.avformat.avio_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avio_context_free;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;

import io.rushes.engine.io.ByteSource;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.Read_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avformat.Seek_Pointer_long_int;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * A {@link ByteSource} as FFmpeg's input: an AVIOContext whose read and seek callbacks call the source, so a movie on
 * S3 or HDFS is demuxed as a local one is, reading only the byte ranges the demuxer asks for. JavaCPP callbacks are a
 * small fixed pool of native thunks, so there is one read and one seek callback for the whole JVM, and each context's
 * opaque pointer is the key of its source in {@link #OPEN}. A failure of the source is kept (FFmpeg sees EIO) and
 * rethrown by the reader with the file's name; {@link #reachedEnd()} tells a file cut short from a damaged one.
 */
final class ByteSourceIo implements AutoCloseable {
    /** FFmpeg's default AVIO buffer: the demuxer reads the source in blocks of this size. */
    private static final int BUFFER_SIZE = 64 * 1024;
    /** AVERROR(EIO), what a failed read or seek returns to FFmpeg. */
    private static final int EIO_ERROR = -5;
    /** Whence values of a seek callback (stdio's), and the flag FFmpeg may add to them. */
    private static final int SEEK_SET = 0;
    private static final int SEEK_CUR = 1;
    private static final int SEEK_END = 2;
    private static final int WHENCE_MASK = 0xFF;

    private static final Map<Long, ByteSourceIo> OPEN = new ConcurrentHashMap<>();
    private static final ReadCallback READ = new ReadCallback();
    private static final SeekCallback SEEK = new SeekCallback();

    private final ByteSource source;
    private final long size;
    private final byte[] block = new byte[BUFFER_SIZE];
    private final LongPointer key;
    private AVIOContext context;
    private long position;
    private boolean reachedEnd;
    private IOException failure;

    private ByteSourceIo(ByteSource source, long size) {
        this.source = source;
        this.size = size;
        this.key = new LongPointer(1);
    }

    /** An AVIOContext over {@code source}; the caller closes this after the format context that uses it. */
    static ByteSourceIo open(ByteSource source) throws IOException {
        ByteSourceIo io = new ByteSourceIo(source, source.size());
        OPEN.put(io.key.address(), io);
        BytePointer buffer = new BytePointer(av_malloc(BUFFER_SIZE)).capacity(BUFFER_SIZE);
        if (buffer.isNull()) {
            io.close();
            throw new OutOfMemoryError("av_malloc of the " + BUFFER_SIZE + "-byte AVIO buffer failed");
        }
        io.context = avio_alloc_context(buffer, BUFFER_SIZE, 0, io.key, READ, null, SEEK);
        if (io.context == null || io.context.isNull()) {
            av_free(buffer);
            io.close();
            throw new OutOfMemoryError("avio_alloc_context failed");
        }
        return io;
    }

    /** Contexts open in this JVM: each reader's is freed by its close, whatever failed before. */
    static int openCount() {
        return OPEN.size();
    }

    AVIOContext context() {
        return context;
    }

    /** Whether some read asked for bytes at or past the end of the file. */
    boolean reachedEnd() {
        return reachedEnd;
    }

    /** The source's failure, if a read or seek hit one; FFmpeg only saw EIO. */
    IOException failure() {
        return failure;
    }

    long size() {
        return size;
    }

    private int read(BytePointer into, int length) {
        if (position >= size) {
            reachedEnd = true;
            return AVERROR_EOF();
        }
        int wanted = (int) Math.min(Math.min(length, block.length), size - position);
        try {
            int got = source.read(position, block, 0, wanted);
            if (got <= 0) {
                reachedEnd = true;
                return AVERROR_EOF();
            }
            into.position(0).capacity(got).put(block, 0, got);
            position += got;
            if (position >= size) {
                reachedEnd = true;
            }
            return got;
        } catch (IOException e) {
            failure = e;
            return EIO_ERROR;
        }
    }

    private long seek(long offset, int whence) {
        if ((whence & AVSEEK_SIZE) != 0) {
            return size;
        }
        long target = switch (whence & WHENCE_MASK) {
            case SEEK_SET -> offset;
            case SEEK_CUR -> position + offset;
            case SEEK_END -> size + offset;
            default -> -1;
        };
        if (target < 0) {
            return EIO_ERROR;
        }
        position = target;
        return target;
    }

    /** Frees the context and its buffer (FFmpeg may have replaced the buffer it was given); safe to call twice. */
    @Override
    public void close() {
        if (context != null && !context.isNull()) {
            BytePointer buffer = context.buffer();
            if (buffer != null && !buffer.isNull()) {
                av_free(buffer);
            }
            context.buffer(null);
            avio_context_free(context);
        }
        context = null;
        OPEN.remove(key.address());
        key.close();
    }

    private static final class ReadCallback extends Read_packet_Pointer_BytePointer_int {
        @Override
        public int call(Pointer opaque, BytePointer buf, int size) {
            ByteSourceIo io = OPEN.get(opaque.address());
            try {
                return io == null ? EIO_ERROR : io.read(buf, size);
            } catch (RuntimeException e) { // never let an exception unwind into FFmpeg's C frames
                io.failure = new IOException(e.toString(), e);
                return EIO_ERROR;
            }
        }
    }

    private static final class SeekCallback extends Seek_Pointer_long_int {
        @Override
        public long call(Pointer opaque, long offset, int whence) {
            ByteSourceIo io = OPEN.get(opaque.address());
            return io == null ? EIO_ERROR : io.seek(offset, whence);
        }
    }
}
