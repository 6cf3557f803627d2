package io.rushes.engine.color.amf;

import io.rushes.engine.color.clf.ClfNode;
import io.rushes.engine.color.clf.ClfReader;
import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.xml.Dom;
import io.rushes.engine.xml.SecureXml;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Reads ACES Metadata Files v1.0 and v2.0 through the hardened XML parser (no DTDs, no external entities, bounded
 * size): amfInfo, clipId, pipelineInfo, input, look and output transforms (combined or RRT + ODT, and the inverse
 * forms), cdlWorkingSpace and inline ASC CDL, workingLocation, archivedPipeline. Errors name the element.
 */
public final class AmfReader {
    private static final Set<String> NAMESPACES = Set.of("urn:ampas:aces:amf:v1.0", "urn:ampas:aces:amf:v2.0");

    private AmfReader() {
    }

    /** Reads an AMF file, refusing one above the XML size limit before loading it. */
    public static Amf read(java.nio.file.Path file) {
        return read(io.rushes.engine.io.Documents.read(file, io.rushes.engine.xml.SecureXml.MAX_BYTES, "AMF"), file.toString());
    }

    public static Amf read(byte[] bytes, String file) {
        Element root = SecureXml.parse(bytes, file).getDocumentElement();
        if (!"acesMetadataFile".equals(local(root)) || !NAMESPACES.contains(root.getNamespaceURI())) {
            throw error(file, local(root), "not an ACES Metadata File (root <acesMetadataFile> in urn:ampas:aces:amf:v1.0 or v2.0)");
        }
        String version = root.getAttribute("version");
        Element info = first(root, "amfInfo");
        if (info == null) {
            throw error(file, "acesMetadataFile", "amfInfo is required");
        }
        Amf.ClipId clip = null;
        Element clipId = first(root, "clipId");
        if (clipId != null) {
            Element seq = first(clipId, "sequence");
            clip = new Amf.ClipId(text(clipId, "clipName"), text(clipId, "file"), seq == null ? null : seq.getTextContent().strip(),
                    text(clipId, "uuid"));
        }
        Element pipeline = first(root, "pipeline");
        if (pipeline == null) {
            throw error(file, "acesMetadataFile", "pipeline is required");
        }
        List<Amf.Pipeline> archived = new ArrayList<>();
        int n = 0;
        for (Element a : Dom.children(root)) {
            if (local(a).equals("archivedPipeline")) {
                archived.add(pipeline(a, file, "archivedPipeline[" + (++n) + "]"));
            }
        }
        return new Amf(file, version, text(info, "uuid"), text(info, "description"), clip, pipeline(pipeline, file, "pipeline"), List.copyOf(archived));
    }

    private static Amf.Pipeline pipeline(Element p, String file, String path) {
        Element info = first(p, "pipelineInfo");
        String system = null;
        if (info != null && first(info, "systemVersion") != null) {
            Element v = first(info, "systemVersion");
            system = text(v, "majorVersion") + "." + text(v, "minorVersion") + "." + text(v, "patchVersion");
        }
        List<Amf.Transform> transforms = new ArrayList<>();
        Integer working = null;
        int i = 0;
        for (Element e : Dom.children(p)) {
            String name = local(e);
            String at = path + "/" + name + "[" + (++i) + "]";
            switch (name) {
                case "pipelineInfo" -> {
                }
                case "inputTransform" -> transforms.add(input(e, file, at));
                case "lookTransform" -> transforms.add(look(e, file, at));
                case "outputTransform" -> transforms.add(output(e, file, at));
                case "workingLocation" -> working = transforms.size();
                default -> throw error(file, at, "unexpected <" + name + "> in a pipeline");
            }
        }
        return new Amf.Pipeline(system, List.copyOf(transforms), working);
    }

    private static Amf.Transform input(Element e, String file, String path) {
        boolean applied = applied(e, file, path);
        Element inverse = first(e, "inverseOutputTransform");
        if (inverse != null) {
            return new Amf.Transform(Amf.Kind.INPUT, applied, true, outputSource(inverse, "inverseOutputDeviceTransform",
                    "inverseReferenceRenderingTransform", file, path), text(e, "description"), path);
        }
        Element odt = first(e, "inverseOutputDeviceTransform");
        if (odt != null) {
            return new Amf.Transform(Amf.Kind.INPUT, applied, true, new Amf.Combined(simple(odt, file, path + "/inverseOutputDeviceTransform"),
                    simple(required(e, "inverseReferenceRenderingTransform", file, path), file, path + "/inverseReferenceRenderingTransform")),
                    text(e, "description"), path);
        }
        return new Amf.Transform(Amf.Kind.INPUT, applied, false, simple(e, file, path), text(e, "description"), path);
    }

    private static Amf.Transform look(Element e, String file, String path) {
        boolean applied = applied(e, file, path);
        Element ws = first(e, "cdlWorkingSpace");
        if (ws != null) {
            Element to = first(ws, "toCdlWorkingSpace");
            Element from = required(ws, "fromCdlWorkingSpace", file, path + "/cdlWorkingSpace");
            ClfNode.Cdl cdl = ClfReader.ascCdl(e, file, path);
            return new Amf.Transform(Amf.Kind.LOOK, applied, false, new Amf.Cdl(cdl, to == null ? null : simple(to, file, path + "/toCdlWorkingSpace"),
                    simple(from, file, path + "/fromCdlWorkingSpace")), text(e, "description"), path);
        }
        return new Amf.Transform(Amf.Kind.LOOK, applied, false, simple(e, file, path), text(e, "description"), path);
    }

    private static Amf.Transform output(Element e, String file, String path) {
        return new Amf.Transform(Amf.Kind.OUTPUT, applied(e, file, path), false,
                outputSource(e, "outputDeviceTransform", "referenceRenderingTransform", file, path), text(e, "description"), path);
    }

    /** A combined output transform (one id or file), or its two halves in the order the image goes through them. */
    private static Amf.Source outputSource(Element e, String deviceName, String renderingName, String file, String path) {
        Element device = first(e, deviceName);
        Element rendering = first(e, renderingName);
        if (device != null || rendering != null) {
            if (device == null || rendering == null) {
                throw error(file, path, "give both " + renderingName + " and " + deviceName + ", or one combined transform");
            }
            boolean inverse = deviceName.startsWith("inverse");
            Amf.Source rrt = simple(rendering, file, path + "/" + renderingName);
            Amf.Source odt = simple(device, file, path + "/" + deviceName);
            return inverse ? new Amf.Combined(odt, rrt) : new Amf.Combined(rrt, odt);
        }
        return simple(e, file, path);
    }

    /** transformId, file or uuid: exactly one. */
    private static Amf.Source simple(Element e, String file, String path) {
        String id = text(e, "transformId");
        String ref = text(e, "file");
        if (id != null && !id.isEmpty()) {
            return new Amf.TransformId(id);
        }
        if (ref != null && !ref.isEmpty()) {
            return new Amf.FileRef(ref);
        }
        throw error(file, path, "names no transform: give a transformId or a file");
    }

    private static boolean applied(Element e, String file, String path) {
        String a = e.getAttribute("applied");
        if (a.isEmpty()) {
            return false; // v1.0 made the attribute optional
        }
        if (!a.equals("true") && !a.equals("false") && !a.equals("1") && !a.equals("0")) {
            throw error(file, path, "applied=\"" + a + "\" is not a boolean");
        }
        return a.equals("true") || a.equals("1");
    }

    private static Element required(Element parent, String name, String file, String path) {
        Element e = first(parent, name);
        if (e == null) {
            throw error(file, path, "<" + name + "> is required here");
        }
        return e;
    }

    private static Element first(Element parent, String name) {
        for (Element c : Dom.children(parent)) {
            if (local(c).equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = first(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }

    private static String local(Element e) {
        return Dom.local(e);
    }

    private static RushesException error(String file, String path, String reason) {
        return Errors.invalidDocument(file, path, reason, "Fix the AMF against the ACES Metadata File schema (v1.0 or v2.0)");
    }
}
