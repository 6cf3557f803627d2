package io.rushes.engine.format.mpegts;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.BinaryReader;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The programme structure and first video access units of an MPEG transport stream (ISO/IEC 13818-1):
 * 188-byte packets, or 192-byte ones with a 4-byte arrival timestamp (AVCHD/Blu-ray .m2ts/.mts). Reads
 * the PAT and PMT, the elementary stream types, the start of the video stream, and the first and last
 * programme clock references for the duration. Reads at most a few megabytes at each end.
 */
final class MpegTsHeader {
    static final int SYNC = 0x47;
    private static final long HEAD_SCAN = 4L << 20;
    private static final long TAIL_SCAN = 1L << 20;
    private static final int VIDEO_BYTES = 1 << 20;

    record Stream(int pid, int type) {
    }

    int packetSize;
    int pmtPid = -1;
    final List<Stream> streams = new ArrayList<>();
    int pcrPid = -1;
    long firstPcr = -1;
    long lastPcr = -1;
    /** The programme clock wraps after 2^33 ticks of its 90 kHz base (26.5 hours): 2^33 × 300 at 27 MHz. */
    static final long PCR_WRAP = (1L << 33) * 300;
    byte[] video = new byte[0];
    int videoType;

    /** 188 (TS) or 192 (M2TS) when the bytes hold sync bytes at that stride, else 0. */
    static int packetSize(byte[] head) {
        for (int size : new int[] {188, 192}) {
            int offset = size - 188;
            int packets = Math.min(4, (head.length - offset) / size);
            boolean ok = packets >= 2 || (packets == 1 && head.length - offset < 2 * size);
            for (int i = 0; i < packets && ok; i++) {
                ok = (head[offset + i * size] & 0xFF) == SYNC;
            }
            if (ok && packets >= 1) {
                return size;
            }
        }
        return 0;
    }

    static MpegTsHeader read(BinaryReader in) {
        MpegTsHeader h = new MpegTsHeader();
        byte[] head = in.bytes(0, Math.min(in.size(), 1024), "the first packets");
        h.packetSize = packetSize(head);
        if (h.packetSize == 0) {
            throw Errors.corrupt(in.name(), 0, "no transport stream sync bytes (0x47) at a 188- or 192-byte stride");
        }
        int skip = h.packetSize - 188;
        ByteArrayOutputStream video = new ByteArrayOutputStream();
        long packets = Math.min(in.size(), HEAD_SCAN) / h.packetSize;
        for (long i = 0; i < packets; i++) {
            long at = i * h.packetSize + skip;
            byte[] p = in.bytes(at, 188, "a transport packet");
            if ((p[0] & 0xFF) != SYNC) {
                throw Errors.corrupt(in.name(), at, "lost transport stream sync (byte is 0x" + Integer.toHexString(p[0] & 0xFF) + ", not 0x47)");
            }
            h.packet(p, video);
            if (video.size() >= VIDEO_BYTES && h.firstPcr >= 0) {
                break;
            }
        }
        h.video = video.toByteArray();
        long tailStart = Math.max(0, in.size() / h.packetSize * h.packetSize - TAIL_SCAN);
        tailStart -= tailStart % h.packetSize;
        for (long at = tailStart; at + h.packetSize <= in.size(); at += h.packetSize) {
            byte[] p = in.bytes(at + skip, 188, "a transport packet");
            if ((p[0] & 0xFF) == SYNC && pid(p) == h.pcrPid) {
                long pcr = pcr(p);
                if (pcr >= 0) {
                    h.lastPcr = pcr;
                }
            }
        }
        if (h.pmtPid < 0) {
            throw Errors.corrupt(in.name(), 0, "no programme association table in the first " + (HEAD_SCAN >> 20) + " MiB");
        }
        return h;
    }

    private static int pid(byte[] p) {
        return ((p[1] & 0x1f) << 8) | (p[2] & 0xFF);
    }

    /** Seconds from the first to the last programme clock reference (across one wrap of the clock), or -1. */
    double pcrSpan() {
        if (firstPcr < 0 || lastPcr < 0) {
            return -1;
        }
        long ticks = lastPcr >= firstPcr ? lastPcr - firstPcr : lastPcr + PCR_WRAP - firstPcr;
        return ticks / 27_000_000.0;
    }

    /** The 27 MHz programme clock reference of a packet's adaptation field, or -1. */
    private static long pcr(byte[] p) {
        int control = (p[3] >> 4) & 3;
        if ((control & 2) == 0 || (p[4] & 0xFF) < 7 || (p[5] & 0x10) == 0) {
            return -1;
        }
        long base = ((p[6] & 0xFFL) << 25) | ((p[7] & 0xFFL) << 17) | ((p[8] & 0xFFL) << 9) | ((p[9] & 0xFFL) << 1) | ((p[10] & 0x80L) >> 7);
        long ext = ((p[10] & 1L) << 8) | (p[11] & 0xFFL);
        return base * 300 + ext;
    }

    private void packet(byte[] p, ByteArrayOutputStream video) {
        int pid = pid(p);
        boolean unitStart = (p[1] & 0x40) != 0;
        int control = (p[3] >> 4) & 3;
        int payload = 4;
        if ((control & 2) != 0) {
            payload += 1 + (p[4] & 0xFF);
        }
        if (pid == pcrPid && firstPcr < 0) {
            firstPcr = pcr(p); // often in packets of adaptation field only (AVCHD's PCR stream has no payload)
        }
        if ((control & 1) == 0 || payload >= 188) {
            return;
        }
        if (pid == 0 && unitStart && pmtPid < 0) {
            pat(p, payload);
        } else if (pid == pmtPid && unitStart && streams.isEmpty()) {
            pmt(p, payload);
        } else if (!streams.isEmpty() && pid == videoPid() && video.size() < VIDEO_BYTES) {
            int at = payload;
            if (unitStart && at + 9 <= 188 && p[at] == 0 && p[at + 1] == 0 && p[at + 2] == 1) {
                at += 9 + (p[at + 8] & 0xFF); // PES header
            }
            if (at < 188) {
                video.write(p, at, 188 - at);
            }
        }
    }

    int videoPid() {
        for (Stream s : streams) {
            if (isVideo(s.type)) {
                return s.pid;
            }
        }
        return -1;
    }

    static boolean isVideo(int type) {
        return type == 0x01 || type == 0x02 || type == 0x1b || type == 0x24 || type == 0x20;
    }

    private void pat(byte[] p, int payload) {
        int at = payload + 1 + (p[payload] & 0xFF); // pointer field
        if (at + 8 > 188 || p[at] != 0) {
            return;
        }
        int sectionLength = ((p[at + 1] & 0x0f) << 8) | (p[at + 2] & 0xFF);
        int end = Math.min(188 - 4, at + 3 + sectionLength - 4);
        for (int e = at + 8; e + 4 <= end; e += 4) {
            int programme = ((p[e] & 0xFF) << 8) | (p[e + 1] & 0xFF);
            if (programme != 0) {
                pmtPid = ((p[e + 2] & 0x1f) << 8) | (p[e + 3] & 0xFF);
                return;
            }
        }
    }

    private void pmt(byte[] p, int payload) {
        int at = payload + 1 + (p[payload] & 0xFF);
        if (at + 12 > 188 || p[at] != 2) {
            return;
        }
        int sectionLength = ((p[at + 1] & 0x0f) << 8) | (p[at + 2] & 0xFF);
        int end = Math.min(188, at + 3 + sectionLength - 4);
        pcrPid = ((p[at + 8] & 0x1f) << 8) | (p[at + 9] & 0xFF);
        int infoLength = ((p[at + 10] & 0x0f) << 8) | (p[at + 11] & 0xFF);
        for (int e = at + 12 + infoLength; e + 5 <= end; ) {
            int type = p[e] & 0xFF;
            int pid = ((p[e + 1] & 0x1f) << 8) | (p[e + 2] & 0xFF);
            int esInfo = ((p[e + 3] & 0x0f) << 8) | (p[e + 4] & 0xFF);
            streams.add(new Stream(pid, type));
            if (isVideo(type) && videoType == 0) {
                videoType = type;
            }
            e += 5 + esInfo;
        }
    }
}
