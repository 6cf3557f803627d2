package io.rushes.engine.format.dng;

import static io.rushes.engine.metadata.ClipField.*;

import io.rushes.engine.format.CameraFormat;
import io.rushes.engine.format.Probe;
import io.rushes.engine.format.tiff.ExifMapper;
import io.rushes.engine.format.tiff.ImageExtents;
import io.rushes.engine.format.tiff.TiffIfd;
import io.rushes.engine.format.tiff.TiffStructure;
import io.rushes.engine.format.tiff.TiffTags;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.metadata.ClipMetadata;
import io.rushes.engine.metadata.SmpteTimecodeBytes;
import io.rushes.engine.metadata.Timecode;

/** DNG and CinemaDNG (Adobe DNG 1.7 with the CinemaDNG tags 51043–51105). */
public final class DngFormat implements CameraFormat {

    @Override
    public String id() {
        return "dng";
    }

    @Override
    public String description() {
        return "a DNG/CinemaDNG frame";
    }

    @Override
    public int priority() {
        return 10;
    }

    /** A TIFF whose IFD0, when it lies in the probe, holds the DNGVersion tag. */
    @Override
    public boolean sniff(Probe probe) {
        if (!TiffStructure.sniff(probe.head()) || probe.u8(2) == 0x55 || probe.u8(2) == 0x52) {
            return false;
        }
        byte[] h = probe.head();
        boolean le = h[0] == 'I';
        long ifd = le ? (h[4] & 0xFFL) | (h[5] & 0xFFL) << 8 | (h[6] & 0xFFL) << 16 | (h[7] & 0xFFL) << 24
                : (h[4] & 0xFFL) << 24 | (h[5] & 0xFFL) << 16 | (h[6] & 0xFFL) << 8 | (h[7] & 0xFFL);
        if (ifd < 8 || ifd + 2 > h.length) {
            return false;
        }
        int count = le ? (h[(int) ifd] & 0xFF) | (h[(int) ifd + 1] & 0xFF) << 8 : (h[(int) ifd] & 0xFF) << 8 | (h[(int) ifd + 1] & 0xFF);
        for (int i = 0; i < count; i++) {
            int e = (int) ifd + 2 + 12 * i;
            if (e + 2 > h.length) {
                return false;
            }
            int tag = le ? (h[e] & 0xFF) | (h[e + 1] & 0xFF) << 8 : (h[e] & 0xFF) << 8 | (h[e + 1] & 0xFF);
            if (tag == TiffTags.DNG_VERSION) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ClipMetadata read(ByteSource source) {
        DngHeader h = DngHeader.read(BinaryReader.open(source));
        ClipMetadata md = map(h);
        ImageExtents.check(h.tiff(), md);
        return md;
    }

    static ClipMetadata map(DngHeader h) {
        ClipMetadata md = new ClipMetadata();
        TiffStructure tiff = h.tiff();
        TiffIfd raw = h.raw();
        ExifMapper.map(tiff, md);
        md.setIfAbsent(CAMERA_MODEL, tiff.string(TiffTags.UNIQUE_CAMERA_MODEL));

        md.set(WIDTH, intOf(raw.unsigned(TiffTags.IMAGE_WIDTH)));
        md.set(HEIGHT, intOf(raw.unsigned(TiffTags.IMAGE_LENGTH)));
        double[] active = raw.numbers(TiffTags.ACTIVE_AREA);
        if (active != null && active.length == 4 && active[2] > active[0] && active[3] > active[1]) {
            md.set(ACTIVE_WIDTH, (int) (active[3] - active[1]));
            md.set(ACTIVE_HEIGHT, (int) (active[2] - active[0]));
        }
        md.set(BIT_DEPTH, intOf(raw.unsigned(TiffTags.BITS_PER_SAMPLE)));
        md.set(COMPRESSION, compressionName(raw.unsigned(TiffTags.COMPRESSION)));
        md.set(CFA_PATTERN, h.cfaPattern());
        md.set(COLOUR_PRIMARIES, "camera native");
        md.set(TRANSFER, raw.has(TiffTags.LINEARIZATION_TABLE) ? "camera (LinearizationTable)" : "linear");

        Double fps = ExifMapper.positive(tiff.number(TiffTags.FRAME_RATE));
        boolean cinema = fps != null || tiff.withTag(TiffTags.TIME_CODES) != null;
        md.set(CODEC, cinema ? "CinemaDNG" : "DNG");
        md.set(PROJECT_FPS, fps);
        TiffIfd tcIfd = tiff.withTag(TiffTags.TIME_CODES);
        if (tcIfd != null) {
            int rate = fps == null ? 24 : Timecode.countingRate(fps);
            Timecode tc = SmpteTimecodeBytes.decode(tcIfd.bytes(TiffTags.TIME_CODES), 0, rate);
            if (tc != null) {
                md.set(START_TIMECODE, tc.toString());
                md.set(TIMECODE_RATE, (double) rate);
                md.set(DROP_FRAME, tc.dropFrame());
            }
        }
        md.set(T_STOP, ExifMapper.positive(tiff.number(TiffTags.T_STOP)));
        md.set(REEL, tiff.string(TiffTags.REEL_NAME));
        md.set(CAMERA_LABEL, tiff.string(TiffTags.CAMERA_LABEL));
        if (!md.has(LENS_MODEL)) {
            md.set(LENS_MODEL, ExifMapper.lensFromSpecification(tiff.numbers(TiffTags.LENS_INFO)));
        }
        return md;
    }

    private static Integer intOf(Long v) {
        return v == null ? null : (int) Math.min(Integer.MAX_VALUE, v);
    }

    static String compressionName(Long code) {
        if (code == null) {
            return null;
        }
        return switch (code.intValue()) {
            case 1 -> "uncompressed";
            case 7 -> "lossless JPEG";
            case 8 -> "deflate";
            case 9 -> "VC-5";
            case 34892 -> "lossy JPEG";
            case 52546 -> "JPEG XL";
            default -> "compression " + code;
        };
    }
}
