package io.rushes.engine.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A local file, read with positional reads on a {@link FileChannel} (thread-safe, no shared cursor). */
public final class FileByteSource implements ByteSource {
    private final Path path;
    private final FileChannel channel;

    public FileByteSource(Path path) throws IOException {
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
    }

    @Override
    public String name() {
        return path.toString();
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public int read(long position, byte[] dst, int off, int len) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(dst, off, len);
        int total = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position + total);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
        }
        return total;
    }

    @Override
    public InputStream openStream() throws IOException {
        return Files.newInputStream(path);
    }

    @Override
    public long lastModifiedMillis() throws IOException {
        return Files.getLastModifiedTime(path).toMillis();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
