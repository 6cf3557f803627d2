package io.rushes.engine.color.clf;

import io.rushes.engine.error.Errors;
import io.rushes.engine.xml.SecureXml;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The ASC CDL XML formats (v1.01/1.2): a single ColorCorrection (.cc), a ColorCorrectionCollection (.ccc) or a
 * ColorDecisionList (.cdl). Unknown elements are skipped, as the format allows for facilities' own data.
 */
public final class CdlFiles {
    /** One correction and its id (empty when the file gives none). */
    public record Correction(String id, ClfNode.Cdl cdl) {
    }

    private CdlFiles() {
    }

    /** Every correction in the file, in order, evaluated with {@code style} (Fwd is the ASC CDL v1.2 maths, clamped). */
    public static List<Correction> read(byte[] bytes, String file, String style) {
        Element root = SecureXml.parse(bytes, file).getDocumentElement();
        List<Correction> out = new ArrayList<>();
        collect(root, file, style, out, ClfReader.local(root));
        if (out.isEmpty()) {
            throw Errors.invalidDocument(file, ClfReader.local(root), "no ColorCorrection found",
                    "An ASC CDL file holds a ColorCorrection, a ColorCorrectionCollection or a ColorDecisionList");
        }
        return out;
    }

    private static void collect(Element e, String file, String style, List<Correction> out, String path) {
        if (ClfReader.local(e).equals("ColorCorrection")) {
            out.add(new Correction(e.getAttribute("id"), ClfReader.Cdl.node(e, style, false, file, path)));
            return;
        }
        int i = 0;
        for (Element c : ClfReader.children(e)) {
            String name = ClfReader.local(c);
            if (name.equals("ColorCorrection") || name.equals("ColorDecision") || name.equals("ColorCorrectionCollection")) {
                collect(c, file, style, out, path + "/" + name + "[" + (++i) + "]");
            }
        }
    }
}
