package io.rushes.engine.io;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where one output file's bytes go. The engine writes every deliverable through this interface; the host supplies
 * implementations (local files here, Hadoop/S3A in the jobs module), and each commits atomically in the way its
 * storage allows: nothing is visible under {@link #name()} until the content was written whole, and a failure
 * midway (a full disk, a lost connection, a bug in a writer) leaves the previous file, or none, never a partial one.
 */
public interface ByteSink {

    /** Path or URI of the output, for messages and records. */
    String name();

    /**
     * Runs {@code content} against a stream aside from the final name, then publishes it under {@link #name()},
     * replacing an older file. If {@code content} throws, the bytes written so far are discarded and the exception
     * propagates.
     */
    void write(Content content) throws IOException;

    /** Writes an output's bytes to a stream; the stream is the sink's to close. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
