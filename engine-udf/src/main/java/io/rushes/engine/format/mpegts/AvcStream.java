package io.rushes.engine.format.mpegts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an inspector needs from the start of an H.264 elementary stream: the picture size and frame rate
 * of the first sequence parameter set (H.264 §7.3.2.1), and the camera's MDPM records (the "modified DV
 * pack" metadata AVCHD camcorders put in user-data SEI messages: date, timecode, shutter, make, model).
 */
final class AvcStream {
    /** The unregistered user-data UUID under which AVCHD cameras write MDPM, followed by "MDPM". */
    private static final byte[] MDPM_UUID = {0x17, (byte) 0xee, (byte) 0x8c, 0x60, (byte) 0xf8, 0x4d, 0x11, (byte) 0xd9,
            (byte) 0x8c, (byte) 0xd6, 0x08, 0x00, 0x20, 0x0c, (byte) 0x9a, 0x66, 'M', 'D', 'P', 'M'};

    int width;
    int height;
    double frameRate;
    int profile;
    int bitDepth = 8;
    /** The SPS frame_mbs_only_flag: 1 every picture is a frame (progressive), 0 pictures may be fields; -1 unread. */
    int frameMbsOnly = -1;
    /** MDPM records by tag: four bytes each. */
    final Map<Integer, byte[]> mdpm = new LinkedHashMap<>();

    static AvcStream parse(byte[] es) {
        AvcStream s = new AvcStream();
        int pos = nextStart(es, 0);
        while (pos >= 0 && pos < es.length) {
            int next = nextStart(es, pos);
            int end = next < 0 ? es.length : next - 3;
            if (pos < end) {
                int type = es[pos] & 0x1f;
                if (type == 7 && s.width == 0) {
                    s.sequenceParameterSet(unescape(es, pos + 1, end));
                } else if (type == 6 && s.mdpm.isEmpty()) {
                    s.sei(unescape(es, pos + 1, end));
                }
            }
            pos = next;
        }
        return s;
    }

    /** Index just after the next 00 00 01 start code at or after {@code from}, or -1. */
    private static int nextStart(byte[] b, int from) {
        for (int i = from; i + 2 < b.length; i++) {
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 1) {
                return i + 3;
            }
        }
        return -1;
    }

    /** Removes emulation-prevention bytes (00 00 03 → 00 00). */
    private static byte[] unescape(byte[] b, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        int zeros = 0;
        for (int i = from; i < to; i++) {
            int v = b[i] & 0xFF;
            if (zeros >= 2 && v == 3) {
                zeros = 0;
                continue;
            }
            zeros = v == 0 ? zeros + 1 : 0;
            out.write(v);
        }
        return out.toByteArray();
    }

    private void sequenceParameterSet(byte[] rbsp) {
        BitReader r = new BitReader(rbsp);
        profile = r.bits(8);
        r.bits(16); // constraint flags, level
        r.ue(); // seq_parameter_set_id
        int chroma = 1;
        if (profile == 100 || profile == 110 || profile == 122 || profile == 244 || profile == 44 || profile == 83
                || profile == 86 || profile == 118 || profile == 128 || profile == 138 || profile == 139 || profile == 134) {
            chroma = r.ue();
            if (chroma == 3) {
                r.bit(); // separate_colour_plane_flag
            }
            bitDepth = 8 + r.ue();
            r.ue(); // chroma bit depth
            r.bit(); // qpprime_y_zero_transform_bypass_flag
            if (r.bit() == 1) { // seq_scaling_matrix_present_flag
                for (int i = 0; i < (chroma == 3 ? 12 : 8); i++) {
                    if (r.bit() == 1) {
                        skipScalingList(r, i < 6 ? 16 : 64);
                    }
                }
            }
        }
        r.ue(); // log2_max_frame_num_minus4
        int pocType = r.ue();
        if (pocType == 0) {
            r.ue();
        } else if (pocType == 1) {
            r.bit();
            r.se();
            r.se();
            int n = r.ue();
            for (int i = 0; i < n && i < 256 && !r.overrun(); i++) {
                r.se();
            }
        }
        r.ue(); // max_num_ref_frames
        r.bit(); // gaps_in_frame_num_value_allowed_flag
        int widthMbs = r.ue() + 1;
        int heightMapUnits = r.ue() + 1;
        int frameMbsOnly = r.bit();
        if (frameMbsOnly == 0) {
            r.bit();
        }
        r.bit(); // direct_8x8_inference_flag
        int w = widthMbs * 16;
        int h = (2 - frameMbsOnly) * heightMapUnits * 16;
        if (r.bit() == 1) { // frame_cropping_flag
            int cropX = chroma == 0 || chroma == 3 ? 1 : 2;
            int cropY = (chroma == 1 ? 2 : 1) * (2 - frameMbsOnly);
            w -= cropX * (r.ue() + r.ue());
            h -= cropY * (r.ue() + r.ue());
        }
        if (r.bit() == 1) { // vui_parameters_present_flag
            vui(r);
        }
        if (!r.overrun() || frameRate > 0) {
            width = w;
            height = h;
            this.frameMbsOnly = frameMbsOnly;
        }
    }

    private void vui(BitReader r) {
        if (r.bit() == 1 && r.bits(8) == 255) { // aspect_ratio_info_present_flag, Extended_SAR
            r.bits(32);
        }
        if (r.bit() == 1) { // overscan_info_present_flag
            r.bit();
        }
        if (r.bit() == 1) { // video_signal_type_present_flag
            r.bits(4);
            if (r.bit() == 1) {
                r.bits(24);
            }
        }
        if (r.bit() == 1) { // chroma_loc_info_present_flag
            r.ue();
            r.ue();
        }
        if (r.bit() == 1) { // timing_info_present_flag
            long unitsInTick = r.bits(32) & 0xFFFFFFFFL;
            long timeScale = r.bits(32) & 0xFFFFFFFFL;
            if (unitsInTick > 0 && !r.overrun()) {
                frameRate = timeScale / (2.0 * unitsInTick);
            }
        }
    }

    private static void skipScalingList(BitReader r, int size) {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size && !r.overrun(); j++) {
            if (next != 0) {
                next = (last + r.se() + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }

    /** Walks the SEI messages for the user-data one carrying MDPM. */
    private void sei(byte[] rbsp) {
        int pos = 0;
        while (pos < rbsp.length) {
            int type = 0;
            int t;
            do {
                if (pos >= rbsp.length) {
                    return;
                }
                t = rbsp[pos++] & 0xFF;
                type += t;
            } while (t == 255);
            int size = 0;
            do {
                if (pos >= rbsp.length) {
                    return;
                }
                t = rbsp[pos++] & 0xFF;
                size += t;
            } while (t == 255);
            if (size > rbsp.length - pos) {
                return;
            }
            if (type == 5 && size > MDPM_UUID.length && startsWith(rbsp, pos, MDPM_UUID)) {
                mdpm(rbsp, pos + MDPM_UUID.length, pos + size);
                return;
            }
            pos += size;
        }
    }

    private void mdpm(byte[] b, int at, int end) {
        int count = b[at++] & 0xFF;
        for (int i = 0; i < count && at + 5 <= end; i++, at += 5) {
            mdpm.putIfAbsent(b[at] & 0xFF, java.util.Arrays.copyOfRange(b, at + 1, at + 5));
        }
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (at + prefix.length > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static String ascii(byte[]... parts) {
        StringBuilder sb = new StringBuilder();
        for (byte[] p : parts) {
            if (p != null) {
                sb.append(new String(p, StandardCharsets.ISO_8859_1));
            }
        }
        return sb.toString().replace("\0", "").strip();
    }
}
