package io.rushes.engine.deliver.quicktime;

import io.rushes.engine.metadata.Timecode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes a QuickTime movie of uncompressed 8-bit RGB frames ('raw ') with a timecode track ('tmcd', with
 * the reel name) and Apple metadata keys (make, model, camera identifier, creation date): a small but
 * complete movie that QuickTime, FFmpeg and ExifTool read.
 */
public final class QuickTimeWriter {
    private static final long EPOCH_1904 = 2_082_844_800L;

    /** @param fpsNum frame rate numerator (timescale); {@code fpsDen} is the duration of one frame in it */
    public record Movie(int width, int height, int fpsNum, int fpsDen, Timecode start, String reel,
                        Map<String, String> metadataKeys, long creationEpochSeconds) {
    }

    private QuickTimeWriter() {
    }

    /** Writes the movie; {@code frames} are width×height×3 bytes each, rows top to bottom. */
    public static void write(Movie m, List<byte[]> frames, OutputStream out) throws IOException {
        int frameBytes = m.width() * m.height() * 3;
        int n = frames.size();
        Box ftyp = new Box("ftyp").fourcc("qt  ").u32(0x200).fourcc("qt  ");
        long mdatStart = ftyp.size();
        long firstFrameAt = mdatStart + 8;
        long tcSampleAt = firstFrameAt + (long) frameBytes * n;
        long mdatSize = 8 + (long) frameBytes * n + 4;

        long duration = (long) n * m.fpsDen();
        long created = m.creationEpochSeconds() + EPOCH_1904;

        Box video = trak(1, m, duration, created, "vide", videoStsd(m), n, frameBytes, firstFrameAt, m.fpsDen(), true);
        Box tmcd = trak(2, m, duration, created, "tmcd", tmcdStsd(m), 1, 4, tcSampleAt, (int) duration, false);

        Box mvhd = new Box("mvhd").u32(0).u32(created).u32(created).u32(m.fpsNum()).u32(duration)
                .u32(0x00010000).u16(0x0100).zeros(10).matrix().zeros(24).u32(3);
        Box moov = new Box("moov").child(mvhd).child(video).child(tmcd).child(meta(m.metadataKeys()));

        out.write(ftyp.bytes());
        ByteArrayOutputStream mdatHead = new ByteArrayOutputStream();
        writeU32(mdatHead, mdatSize);
        mdatHead.writeBytes("mdat".getBytes(StandardCharsets.US_ASCII));
        out.write(mdatHead.toByteArray());
        for (byte[] f : frames) {
            if (f.length != frameBytes) {
                throw new IllegalArgumentException("frame is " + f.length + " bytes, expected " + frameBytes);
            }
            out.write(f);
        }
        ByteArrayOutputStream tc = new ByteArrayOutputStream();
        writeU32(tc, m.start().toFrames());
        out.write(tc.toByteArray());
        out.write(moov.bytes());
    }

    private static Box trak(int id, Movie m, long duration, long created, String handler, Box stsd, int samples,
                            int sampleSize, long firstOffset, int sampleDelta, boolean video) {
        Box tkhd = new Box("tkhd").u32(video ? 0x0000000F : 0x0000000E).u32(created).u32(created).u32(id).u32(0).u32(duration)
                .zeros(8).u16(0).u16(0).u16(0).u16(0).matrix()
                .u32(video ? (long) m.width() << 16 : 0).u32(video ? (long) m.height() << 16 : 0);
        Box mdhd = new Box("mdhd").u32(0).u32(created).u32(created).u32(m.fpsNum()).u32(duration).u16(0).u16(0);
        Box hdlr = new Box("hdlr").u32(0).fourcc("mhlr").fourcc(handler).u32(0).u32(0).u32(0).u8(0);
        Box header = video
                ? new Box("vmhd").u32(1).u16(0x40).u16(0x8000).u16(0x8000).u16(0x8000)
                : new Box("gmhd").child(new Box("gmin").u32(0).u16(0x40).u16(0x8000).u16(0x8000).u16(0x8000).u16(0).u16(0))
                        .child(new Box("tmcd").child(new Box("tcmi").u32(0).u16(0).u16(0).u16(12).u16(0).u16(0).u16(0).u16(0)
                                .u16(0xFFFF).u16(0xFFFF).u16(0xFFFF).pascal("Helvetica")));
        Box dhlr = new Box("hdlr").u32(0).fourcc("dhlr").fourcc("alis").u32(0).u32(0).u32(0).u8(0);
        Box dinf = new Box("dinf").child(new Box("dref").u32(0).u32(1).child(new Box("alis").u32(1)));
        Box stco = new Box("stco").u32(0).u32(samples);
        for (int i = 0; i < samples; i++) {
            stco.u32(firstOffset + (long) i * sampleSize);
        }
        Box stbl = new Box("stbl").child(stsd)
                .child(new Box("stts").u32(0).u32(1).u32(samples).u32(sampleDelta))
                .child(new Box("stsc").u32(0).u32(1).u32(1).u32(1).u32(1))
                .child(new Box("stsz").u32(0).u32(sampleSize).u32(samples))
                .child(stco);
        Box minf = new Box("minf").child(header).child(dhlr).child(dinf).child(stbl);
        Box trak = new Box("trak").child(tkhd);
        if (video) {
            trak.child(new Box("tref").child(new Box("tmcd").u32(2)));
        }
        return trak.child(new Box("mdia").child(mdhd).child(hdlr).child(minf));
    }

    private static Box videoStsd(Movie m) {
        Box entry = new Box("raw ").zeros(6).u16(1).u16(0).u16(0).fourcc("RUSH").u32(0).u32(512)
                .u16(m.width()).u16(m.height()).u32(72L << 16).u32(72L << 16).u32(0).u16(1)
                .pascal32("Uncompressed RGB").u16(24).u16(0xFFFF)
                .child(new Box("pasp").u32(1).u32(1))
                .child(new Box("colr").fourcc("nclc").u16(1).u16(1).u16(1));
        return new Box("stsd").u32(0).u32(1).child(entry);
    }

    private static Box tmcdStsd(Movie m) {
        int flags = (m.start().dropFrame() ? 1 : 0) | 2; // drop-frame, 24-hour max
        Box name = new Box("name").u16(m.reel().length()).u16(0).ascii(m.reel());
        Box entry = new Box("tmcd").zeros(6).u16(1).u32(0).u32(flags).u32(m.fpsNum()).u32(m.fpsDen())
                .u8(m.start().rate()).u8(0).child(new Box("udta").child(name));
        return new Box("stsd").u32(0).u32(1).child(entry);
    }

    private static Box meta(Map<String, String> keys) {
        Box hdlr = new Box("hdlr").u32(0).u32(0).fourcc("mdta").u32(0).u32(0).u32(0).u8(0);
        Box keyBox = new Box("keys").u32(0).u32(keys.size());
        Box ilst = new Box("ilst");
        int index = 1;
        for (Map.Entry<String, String> e : keys.entrySet()) {
            byte[] k = e.getKey().getBytes(StandardCharsets.UTF_8);
            keyBox.u32(8 + k.length).fourcc("mdta").raw(k);
            byte[] v = e.getValue().getBytes(StandardCharsets.UTF_8);
            Box data = new Box("data").u32(1).u32(0).raw(v);
            ilst.child(new Box(index++).child(data));
        }
        return new Box("meta").child(hdlr).child(keyBox).child(ilst);
    }

    private static void writeU32(ByteArrayOutputStream o, long v) {
        o.write((int) (v >>> 24));
        o.write((int) (v >>> 16));
        o.write((int) (v >>> 8));
        o.write((int) v);
    }

    /** A QuickTime atom under construction. */
    private static final class Box {
        private final byte[] type;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Box(String fourcc) {
            this.type = fourcc.getBytes(StandardCharsets.ISO_8859_1);
        }

        Box(int index) {
            this.type = new byte[] {(byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index};
        }

        Box u8(int v) {
            body.write(v);
            return this;
        }

        Box u16(int v) {
            body.write(v >>> 8);
            body.write(v);
            return this;
        }

        Box u32(long v) {
            writeU32(body, v);
            return this;
        }

        Box zeros(int n) {
            body.writeBytes(new byte[n]);
            return this;
        }

        Box fourcc(String s) {
            body.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        Box ascii(String s) {
            body.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        Box raw(byte[] b) {
            body.writeBytes(b);
            return this;
        }

        Box pascal(String s) {
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            body.write(b.length);
            body.writeBytes(b);
            return this;
        }

        Box pascal32(String s) {
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            byte[] field = new byte[32];
            field[0] = (byte) b.length;
            System.arraycopy(b, 0, field, 1, Math.min(31, b.length));
            body.writeBytes(field);
            return this;
        }

        Box matrix() {
            return u32(0x00010000).u32(0).u32(0).u32(0).u32(0x00010000).u32(0).u32(0).u32(0).u32(0x40000000);
        }

        Box child(Box c) {
            body.writeBytes(c.bytes());
            return this;
        }

        long size() {
            return 8L + body.size();
        }

        byte[] bytes() {
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            writeU32(o, size());
            o.writeBytes(type);
            o.writeBytes(body.toByteArray());
            return o.toByteArray();
        }
    }
}
