package io.rushes.engine.io;

import java.io.IOException;

/** Opens a {@link ByteSource} for a location string; the host decides what a location means. */
@FunctionalInterface
public interface ByteSourceFactory {
    ByteSource open(String location) throws IOException;
}
