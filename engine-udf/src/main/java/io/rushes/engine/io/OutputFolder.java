package io.rushes.engine.io;

import java.nio.file.Path;

/**
 * Where a render's files go: a folder of the host's storage (a local folder, an HDFS or S3 prefix). The engine asks
 * it for one {@link ByteSink} per file name; names are the engine's, already restricted to {@code [A-Za-z0-9._-]}.
 */
public interface OutputFolder {
    /** The folder's path or URI, for messages. */
    String name();

    /** The sink of the file {@code fileName} in this folder. */
    ByteSink file(String fileName);

    /** Local storage for scratch files (a movie is muxed there before it is published through its sink). */
    Path scratch();

    /** A local folder: each file written beside its final name and renamed over it. */
    static OutputFolder local(Path folder) {
        Path absolute = folder.toAbsolutePath();
        return new OutputFolder() {
            @Override
            public String name() {
                return absolute.toString();
            }

            @Override
            public ByteSink file(String fileName) {
                return new FileByteSink(absolute.resolve(fileName));
            }

            @Override
            public Path scratch() {
                return absolute;
            }
        };
    }
}
