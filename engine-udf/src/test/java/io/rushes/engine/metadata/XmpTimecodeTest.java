package io.rushes.engine.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The XMP Dynamic Media start timecode, written as attributes or as elements, with its rate from the time format. */
class XmpTimecodeTest {
    static String packet(String description) {
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description rdf:about=\"\" xmlns:xmpDM=\"http://ns.adobe.com/xmp/1.0/DynamicMedia/\">" + description
                + "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>";
    }

    private static Timecode start(String description) {
        return XmpTimecode.start((packet(description) + "\0\0  ").getBytes(StandardCharsets.UTF_8), "test.xmp");
    }

    @Test
    void aStructOfElements() {
        Timecode tc = start("<xmpDM:startTimeCode rdf:parseType=\"Resource\"><xmpDM:timeFormat>25Timecode</xmpDM:timeFormat>"
                + "<xmpDM:timeValue>10:00:00:12</xmpDM:timeValue></xmpDM:startTimeCode>");
        assertEquals(new Timecode(10, 0, 0, 12, 25, false), tc);
    }

    @Test
    void aStructOfAttributesWithDropFrameFromTheFormat() {
        Timecode tc = start("<xmpDM:startTimeCode xmpDM:timeFormat=\"2997DropTimecode\" xmpDM:timeValue=\"01:00:00:02\"/>");
        assertEquals(new Timecode(1, 0, 0, 2, 30, true), tc);
        assertEquals("01:00:00;02", tc.toString());
    }

    @Test
    void theRateComesFromTheFormatsDigits() {
        assertEquals(24, XmpTimecode.timecode("23976Timecode", "00:00:01:23").rate());
        assertEquals(60, XmpTimecode.timecode("5994NonDropTimecode", "00:00:01:59").rate());
        assertEquals(false, XmpTimecode.timecode("5994NonDropTimecode", "00:00:01:59").dropFrame());
        assertEquals(50, XmpTimecode.timecode("50Timecode", "00:00:01:49").rate());
        assertNull(XmpTimecode.timecode("25Timecode", "00:00:01:25"), "frame 25 does not exist at 25");
        assertNull(XmpTimecode.timecode("Timecode", "00:00:01:00"));
        assertNull(XmpTimecode.timecode("25Timecode", "3600 seconds"));
    }

    @Test
    void theAlternateTimecodeWhenThereIsNoStart() {
        Timecode tc = start("<xmpDM:altTimecode><rdf:Description><xmpDM:timeFormat>24Timecode</xmpDM:timeFormat>"
                + "<xmpDM:timeValue>14:03:22:05</xmpDM:timeValue></rdf:Description></xmpDM:altTimecode>");
        assertEquals("14:03:22:05", tc.toString());
    }

    @Test
    void noTimecodeOrNoXmlGivesNone() {
        assertNull(start("<xmpDM:album>No Album</xmpDM:album>"));
        assertNull(XmpTimecode.start("<x:xmpmeta".getBytes(StandardCharsets.UTF_8), "broken.xmp"));
        assertNull(XmpTimecode.start(null, "none"));
    }
}
