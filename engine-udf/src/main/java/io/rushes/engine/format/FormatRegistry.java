package io.rushes.engine.format;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.ByteSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Every {@link CameraFormat} on the class path, asked in priority order; detection is by content only. */
public final class FormatRegistry {
    private final List<CameraFormat> formats;

    public FormatRegistry(List<CameraFormat> formats) {
        List<CameraFormat> sorted = new ArrayList<>(formats);
        sorted.sort(Comparator.comparingInt(CameraFormat::priority).reversed());
        this.formats = List.copyOf(sorted);
    }

    public static FormatRegistry loadDefault() {
        List<CameraFormat> found = new ArrayList<>();
        ServiceLoader.load(CameraFormat.class, FormatRegistry.class.getClassLoader()).forEach(found::add);
        return new FormatRegistry(found);
    }

    public List<CameraFormat> formats() {
        return formats;
    }

    public static Probe probe(ByteSource source) {
        try {
            long size = source.size();
            byte[] head = new byte[(int) Math.min(Probe.HEAD_BYTES, size)];
            int got = 0;
            while (got < head.length) {
                int n = source.read(got, head, got, head.length - got);
                if (n < 0) {
                    break;
                }
                got += n;
            }
            if (got < head.length) {
                head = java.util.Arrays.copyOf(head, got);
            }
            return new Probe(head, size);
        } catch (IOException e) {
            throw Errors.io(source.name(), e);
        }
    }

    /** The format of a file, or an UNSUPPORTED_FORMAT error naming what the first bytes look like. */
    public CameraFormat detect(ByteSource source) {
        Probe probe = probe(source);
        if (probe.size() == 0) {
            throw Errors.corrupt(source.name(), 0, "the file is empty (0 bytes)");
        }
        for (CameraFormat f : formats) {
            if (f.sniff(probe)) {
                return f;
            }
        }
        throw Errors.unsupportedFormat(source.name(), "the content matches no known camera format (first bytes: "
                + hex(probe.head(), 12) + ")");
    }


    static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, b.length); i++) {
            sb.append(String.format(java.util.Locale.ROOT, "%02x", b[i] & 0xFF));
        }
        return sb.toString();
    }
}
