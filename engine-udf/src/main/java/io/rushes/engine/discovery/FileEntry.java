package io.rushes.engine.discovery;

import java.io.Serializable;

/**
 * One listed file, from any storage: the location string the host's {@link io.rushes.engine.io.ByteSourceFactory}
 * opens, its name relative to the listing root, size and modification time.
 */
public record FileEntry(String location, String relativePath, long size, long lastModifiedMillis) implements Serializable {
    public String fileName() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? relativePath : relativePath.substring(slash + 1);
    }

    public String directory() {
        int slash = relativePath.lastIndexOf('/');
        return slash < 0 ? "" : relativePath.substring(0, slash);
    }
}
