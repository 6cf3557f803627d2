package io.rushes.engine.format.quicktime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rushes.engine.Samples;
import io.rushes.engine.TestInspect;
import io.rushes.engine.metadata.ClipField;
import io.rushes.engine.metadata.ClipMetadata;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A movie without a timecode track takes its start timecode from the XMP an editing application wrote. */
class XmpStartTimecodeTest {
    private static final String DM = "http://ns.adobe.com/xmp/1.0/DynamicMedia/";

    @TempDir
    Path dir;

    private static byte[] xmp(String timecode) {
        return ("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\" xmlns:xmpDM=\"" + DM + "\">"
                + timecode + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>").getBytes(StandardCharsets.UTF_8);
    }

    /** The ExifTool QuickTime sample (moov, then an empty mdat; no tmcd track) with an MP4 XMP uuid box after it. */
    private static byte[] withXmpBox(byte[] packet) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Files.readAllBytes(Samples.dir().resolve("video/exiftool_QuickTime.mov")));
        out.write(ByteBuffer.allocate(8).putInt(8 + 16 + packet.length).put("uuid".getBytes(StandardCharsets.ISO_8859_1)).array());
        out.write(HexFormat.of().parseHex("be7acfcb97a942e89c71999491e3afac"));
        out.write(packet);
        return out.toByteArray();
    }

    private ClipMetadata inspect(byte[] b, String name) throws IOException {
        ClipMetadata md = TestInspect.one(Files.write(dir.resolve(name), b)).metadata();
        assertEquals("ok", md.string(ClipField.STATUS));
        return md;
    }

    @Test
    void theSampleHasNoTimecode() throws IOException {
        assertNull(inspect(Files.readAllBytes(Samples.dir().resolve("video/exiftool_QuickTime.mov")), "plain.mov").get(ClipField.START_TIMECODE));
    }

    @Test
    void startTimeCodeInAnXmpUuidBox() throws IOException {
        byte[] b = withXmpBox(xmp("<xmpDM:startTimeCode xmpDM:timeFormat=\"25Timecode\" xmpDM:timeValue=\"10:00:00:12\"/>"));
        ClipMetadata md = inspect(b, "uuid.mov"); // exiftool: StartTimecodeTimeValue 10:00:00:12, TimeFormat 25Timecode
        assertEquals("10:00:00:12", md.get(ClipField.START_TIMECODE));
        assertEquals(25.0, md.get(ClipField.TIMECODE_RATE));
        assertEquals(false, md.get(ClipField.DROP_FRAME));
    }

    /** The sample's own udta XMP_ packet rewritten, at the same length, to carry an alternate timecode. */
    @Test
    void altTimecodeInTheUserDataXmp() throws IOException {
        byte[] b = Files.readAllBytes(Samples.dir().resolve("video/exiftool_QuickTime.mov"));
        int at = indexOf(b, "XMP_") - 4;
        int size = ByteBuffer.wrap(b).getInt(at);
        byte[] packet = xmp("<xmpDM:altTimecode rdf:parseType=\"Resource\"><xmpDM:timeFormat>2997DropTimecode</xmpDM:timeFormat>"
                + "<xmpDM:timeValue>01:00:00;02</xmpDM:timeValue></xmpDM:altTimecode>");
        byte[] padded = new byte[size - 8];
        java.util.Arrays.fill(padded, (byte) ' ');
        System.arraycopy(packet, 0, padded, 0, packet.length);
        System.arraycopy(padded, 0, b, at + 8, padded.length);
        ClipMetadata md = inspect(b, "xmp_.mov");
        assertEquals("01:00:00;02", md.get(ClipField.START_TIMECODE));
        assertEquals(30.0, md.get(ClipField.TIMECODE_RATE));
        assertEquals(true, md.get(ClipField.DROP_FRAME));
    }

    private static int indexOf(byte[] b, String type) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i + 4 <= b.length; i++) {
            if (java.util.Arrays.equals(b, i, i + 4, t, 0, 4)) {
                return i;
            }
        }
        throw new AssertionError("no " + type);
    }
}
