package io.rushes.engine.metadata;

import io.rushes.engine.error.RushesException;
import io.rushes.engine.xml.SecureXml;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The start timecode an XMP packet carries in Adobe's Dynamic Media schema: {@code xmpDM:startTimeCode}, else
 * {@code xmpDM:altTimecode}, each a Timecode struct of {@code xmpDM:timeFormat} (24Timecode, 25Timecode,
 * 2997DropTimecode, 23976Timecode, 5994NonDropTimecode…) and {@code xmpDM:timeValue} (HH:MM:SS:FF), written as
 * attributes or as child elements.
 */
public final class XmpTimecode {
    static final String DYNAMIC_MEDIA = "http://ns.adobe.com/xmp/1.0/DynamicMedia/";
    /** An XMP packet is header data: a larger one is not read. */
    public static final int MAX_XMP_BYTES = 4 << 20;
    private static final Pattern FORMAT = Pattern.compile("(\\d{2,5})(Drop|NonDrop)?Timecode");

    private XmpTimecode() {
    }

    /** The start timecode, or null when the packet has none, or none that parses (the packet is only a bonus). */
    public static Timecode start(byte[] xmp, String name) {
        if (xmp == null || xmp.length > MAX_XMP_BYTES) {
            return null;
        }
        Document doc;
        try {
            doc = SecureXml.parse(trimmed(xmp), name);
        } catch (RushesException notXml) {
            return null;
        }
        for (String property : new String[] {"startTimeCode", "altTimecode"}) {
            NodeList found = doc.getElementsByTagNameNS(DYNAMIC_MEDIA, property);
            for (int i = 0; i < found.getLength(); i++) {
                Timecode tc = timecode(value((Element) found.item(i), "timeFormat"), value((Element) found.item(i), "timeValue"));
                if (tc != null) {
                    return tc;
                }
            }
        }
        return null;
    }

    /**
     * A timeFormat and timeValue as a timecode: the format's digits are the rate (2997 is 29.97, counted at 30),
     * Drop in the format or a ';' in the value is drop-frame.
     */
    static Timecode timecode(String format, String value) {
        if (format == null || value == null || !Timecode.isTimecode(value)) {
            return null;
        }
        Matcher m = FORMAT.matcher(format.strip());
        if (!m.matches()) {
            return null;
        }
        double fps = Integer.parseInt(m.group(1));
        while (fps > 120) {
            fps /= 10; // 2997 → 29.97, 23976 → 23.976
        }
        int rate = Timecode.countingRate(fps);
        try {
            Timecode t = Timecode.parse(value, rate);
            boolean drop = (t.dropFrame() || "Drop".equals(m.group(2))) && rate % 30 == 0;
            return new Timecode(t.hours(), t.minutes(), t.seconds(), t.frames(), rate, drop);
        } catch (RushesException notAtThisRate) {
            return null;
        }
    }

    /** A struct field: the attribute on the property, or the text of a descendant element of that name. */
    private static String value(Element property, String field) {
        if (property.hasAttributeNS(DYNAMIC_MEDIA, field)) {
            return property.getAttributeNS(DYNAMIC_MEDIA, field);
        }
        NodeList nested = property.getElementsByTagNameNS(DYNAMIC_MEDIA, field);
        return nested.getLength() == 0 ? null : nested.item(0).getTextContent();
    }

    /** Without the NUL and whitespace padding writers leave after the packet. */
    private static byte[] trimmed(byte[] xmp) {
        int end = xmp.length;
        while (end > 0 && (xmp[end - 1] == 0 || xmp[end - 1] == ' ' || xmp[end - 1] == '\n' || xmp[end - 1] == '\r' || xmp[end - 1] == '\t')) {
            end--;
        }
        return java.util.Arrays.copyOf(xmp, end);
    }

    /** The packet as text for the raw map. */
    public static String text(byte[] xmp) {
        return new String(trimmed(xmp), StandardCharsets.UTF_8);
    }
}
