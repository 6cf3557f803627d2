package io.rushes.engine.integrity;

/** Told before each file is hashed while a folder is verified or sealed; the engine never prints, its host may. */
@FunctionalInterface
public interface MhlProgress {
    MhlProgress NONE = (files, totalFiles, bytes, totalBytes, current) -> { };

    /**
     * @param files      files hashed so far
     * @param totalFiles files to hash in all
     * @param bytes      bytes hashed so far
     * @param totalBytes bytes to hash in all (as recorded or listed before hashing began)
     * @param current    the file about to be hashed, relative to the folder given
     */
    void hashing(long files, long totalFiles, long bytes, long totalBytes, String current);
}
