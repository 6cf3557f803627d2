package io.rushes.engine.color.clf;

import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.xml.Dom;
import io.rushes.engine.xml.SecureXml;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads Academy/ASC Common LUT Format v3 (and SMPTE ST 2136-1) files strictly: every element must be one the
 * specification defines (anything else is an error, as §Extensions allows), bit depths must chain, arrays must hold
 * exactly the values their dimensions say, parameters must be in their valid ranges. Every node is rescaled to 32f.
 */
public final class ClfReader {
    /** Largest LUT1D accepted: the specification asks for 65536; half-domain LUTs need exactly that. */
    static final int MAX_LUT1D = 1 << 20;
    /** Largest LUT3D edge: the specification advises against more than 128. */
    static final int MAX_LUT3D = 129;
    private static final Map<String, Double> SCALE = Map.of("8i", 255.0, "10i", 1023.0, "12i", 4095.0, "16i", 65535.0, "16f", 1.0, "32f", 1.0);
    private static final Set<String> LIST_ELEMENTS = Set.of("Description", "InputDescriptor", "OutputDescriptor", "Info", "Id");

    private ClfReader() {
    }

    public static ProcessList read(byte[] bytes, String file) {
        Document doc = SecureXml.parse(bytes, file);
        Element root = doc.getDocumentElement();
        if (!"ProcessList".equals(local(root))) {
            throw error(file, local(root), "the root element is <" + local(root) + ">, not <ProcessList>");
        }
        String namespace = root.getNamespaceURI() == null ? "" : root.getNamespaceURI();
        if (!NAMESPACES.contains(namespace)) {
            throw error(file, "ProcessList", "namespace " + namespace + " is not CLF v3 (urn:AMPAS:CLF:v3.0) or SMPTE ST 2136-1:2024");
        }
        double version = version(root.getAttribute("compCLFversion"), namespace, file);
        String id = root.getAttribute("id");
        List<String> acesIds = new ArrayList<>();
        List<ClfNode> nodes = new ArrayList<>();
        String previousOut = null;
        int index = 0;
        for (Element e : children(root)) {
            String name = local(e);
            String path = "ProcessList/" + name + "[" + (++index) + "]";
            if (LIST_ELEMENTS.contains(name)) {
                if (name.equals("Id")) {
                    String value = e.getTextContent().strip();
                    if (!URN_UUID.matcher(value).matches()) {
                        throw error(file, path, "Id \"" + value + "\" is not a urn:uuid (ST 2136-1)");
                    }
                    if (id.isEmpty()) {
                        id = value;
                    }
                }
                if (name.equals("Info")) {
                    for (Element i : children(e)) {
                        if (local(i).equals("ACEStransformID")) {
                            acesIds.addAll(Arrays.asList(i.getTextContent().strip().split("\\s+")));
                        }
                    }
                }
                continue;
            }
            if (!NODE_CHILDREN.containsKey(name)) {
                throw notANode(file, path, name); // before its attributes, which an unknown element need not have
            }
            String in = bitDepth(e, "inBitDepth", file, path);
            String out = bitDepth(e, "outBitDepth", file, path);
            if (previousOut != null && !previousOut.equals(in)) {
                throw error(file, path, "inBitDepth " + in + " does not match the previous node's outBitDepth " + previousOut);
            }
            previousOut = out;
            if (version < 3 && (name.equals("Log") || name.equals("Exponent"))) {
                throw error(file, path, "<" + name + "> came with CLF v3; this file declares compCLFversion " + root.getAttribute("compCLFversion"));
            }
            allowOnly(e, NODE_CHILDREN.get(name), file, path);
            double inScale = SCALE.get(in);
            double outScale = SCALE.get(out);
            nodes.add(switch (name) {
                case "Matrix" -> matrix(e, inScale, outScale, file, path);
                case "Range" -> range(e, inScale, outScale, file, path);
                case "LUT1D" -> lut1d(e, outScale, file, path);
                case "LUT3D" -> lut3d(e, outScale, file, path);
                case "Log" -> log(e, file, path);
                case "Exponent" -> exponent(e, file, path);
                case "ASC_CDL" -> cdl(e, file, path);
                default -> throw notANode(file, path, name);
            });
        }
        if (!namespace.startsWith("http://www.smpte-ra.org/") && id.isEmpty()) {
            throw error(file, "ProcessList", "a CLF v3 ProcessList needs a non-empty id attribute");
        }
        if (nodes.isEmpty()) {
            throw error(file, "ProcessList", "the ProcessList holds no process node");
        }
        return new ProcessList(id, root.getAttribute("name"), root.getAttribute("inverseOf"), List.copyOf(acesIds), List.copyOf(nodes));
    }

    private static RushesException notANode(String file, String path, String name) {
        return error(file, path, "<" + name + "> is not a CLF v3 process node (Matrix, Range, LUT1D, LUT3D, Log, Exponent, ASC_CDL)");
    }

    private static final Set<String> NAMESPACES = Set.of("", "urn:AMPAS:CLF:v3.0", "http://www.smpte-ra.org/ns/2136-1/2024");
    private static final java.util.regex.Pattern URN_UUID =
            java.util.regex.Pattern.compile("urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Map<String, Set<String>> NODE_CHILDREN = Map.of(
            "Matrix", Set.of("Description", "Array"),
            "Range", Set.of("Description", "minInValue", "maxInValue", "minOutValue", "maxOutValue"),
            "LUT1D", Set.of("Description", "Array"),
            "LUT3D", Set.of("Description", "Array"),
            "Log", Set.of("Description", "LogParams"),
            "Exponent", Set.of("Description", "ExponentParams"),
            "ASC_CDL", Set.of("Description", "SOPNode", "SatNode"));

    /** compCLFversion as a number (ST 2136-1's "ST2136-1:2024" is 3.0); above 3.0 is refused, as readers must. */
    private static double version(String declared, String namespace, String file) {
        if (declared.isEmpty() || declared.equals("ST2136-1:2024")) {
            if (declared.isEmpty() && !namespace.startsWith("http://www.smpte-ra.org/")) {
                throw error(file, "ProcessList", "compCLFversion is required");
            }
            return 3.0;
        }
        double v;
        try {
            v = Double.parseDouble(declared);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException(declared);
            }
        } catch (NumberFormatException e) {
            throw error(file, "ProcessList", "compCLFversion \"" + declared + "\" is not a version number");
        }
        if (v > 3.0) {
            throw error(file, "ProcessList", "compCLFversion " + declared + " is newer than the CLF 3.0 this reader implements");
        }
        return v;
    }

    private static void allowOnly(Element node, Set<String> allowed, String file, String path) {
        for (Element c : children(node)) {
            if (!allowed.contains(local(c))) {
                throw error(file, path + "/" + local(c), "<" + local(c) + "> is not allowed in <" + local(node) + "> (CLF v3)");
            }
        }
    }

    private static ClfNode matrix(Element e, double inScale, double outScale, String file, String path) {
        Element array = only(e, "Array", file, path);
        int[] dim = dims(array, file, path);
        if (dim.length < 2 || dim.length > 3 || dim[0] != 3 || (dim[1] != 3 && dim[1] != 4)) {
            throw error(file, path + "/Array", "a Matrix is 3x3 or 3x4, not dim=\"" + array.getAttribute("dim") + "\"");
        }
        double[] v = numbers(array, 3 * dim[1], file, path + "/Array");
        double[] m = new double[12];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                m[r * 4 + c] = v[r * dim[1] + c] * inScale / outScale;
            }
            m[r * 4 + 3] = dim[1] == 4 ? v[r * 4 + 3] / outScale : 0;
        }
        return new ClfNode.Matrix(m);
    }

    private static ClfNode range(Element e, double inScale, double outScale, String file, String path) {
        Double minIn = optionalNumber(e, "minInValue", file, path);
        Double maxIn = optionalNumber(e, "maxInValue", file, path);
        Double minOut = optionalNumber(e, "minOutValue", file, path);
        Double maxOut = optionalNumber(e, "maxOutValue", file, path);
        String style = e.getAttribute("style");
        if (!style.isEmpty() && !style.equals("Clamp") && !style.equals("noClamp")) {
            throw error(file, path, "style \"" + style + "\" is not Clamp or noClamp");
        }
        if ((minIn == null) != (minOut == null) || (maxIn == null) != (maxOut == null)) {
            throw error(file, path, "minInValue/minOutValue and maxInValue/maxOutValue come in pairs");
        }
        if (minIn == null && maxIn == null) {
            throw error(file, path, "a Range needs a min pair, a max pair, or both");
        }
        boolean full = minIn != null && maxIn != null;
        if (!full && style.equals("noClamp")) {
            throw error(file, path, "a Range with only one pair clamps: style noClamp makes it a no-op");
        }
        if (!full && (minIn != null ? !same(minIn / inScale, minOut / outScale) : !same(maxIn / inScale, maxOut / outScale))) {
            throw error(file, path, "a one-sided Range clamps without scaling, so its in and out values must be equal once normalised");
        }
        if (full && (maxIn <= minIn || maxOut < minOut)) {
            throw error(file, path, "needs maxInValue > minInValue and maxOutValue >= minOutValue");
        }
        return new ClfNode.Range(minIn == null ? null : minIn / inScale, maxIn == null ? null : maxIn / inScale,
                minOut == null ? null : minOut / outScale, maxOut == null ? null : maxOut / outScale, !style.equals("noClamp"));
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));
    }

    private static ClfNode lut1d(Element e, double outScale, String file, String path) {
        Element array = only(e, "Array", file, path);
        int[] dim = dims(array, file, path);
        if (dim.length != 2 || dim[0] < 2 || dim[0] > MAX_LUT1D || (dim[1] != 1 && dim[1] != 3)) {
            throw error(file, path + "/Array", "a LUT1D Array is \"N 1\" or \"N 3\" with 2 <= N <= " + MAX_LUT1D + ", not \"" + array.getAttribute("dim") + "\"");
        }
        String interpolation = e.getAttribute("interpolation");
        if (!interpolation.isEmpty() && !interpolation.equals("linear")) {
            throw error(file, path, "LUT1D interpolation must be linear, not " + interpolation);
        }
        boolean halfDomain = trueAttribute(e, "halfDomain", file, path);
        boolean rawHalfs = trueAttribute(e, "rawHalfs", file, path);
        if (halfDomain && dim[0] != 65536) {
            throw error(file, path + "/Array", "a halfDomain LUT1D has exactly 65536 entries, not " + dim[0]);
        }
        double[] v = numbers(array, dim[0] * dim[1], file, path + "/Array");
        float[][] tables = new float[dim[1]][dim[0]];
        for (int i = 0; i < dim[0]; i++) {
            for (int c = 0; c < dim[1]; c++) {
                double x = v[i * dim[1] + c];
                if (rawHalfs) {
                    if (x != Math.rint(x) || x < 0 || x > 65535) {
                        throw error(file, path + "/Array", "rawHalfs values are 16-bit patterns, not " + x);
                    }
                    tables[c][i] = Half.toFloat((int) x);
                    if (!Float.isFinite(tables[c][i])) {
                        throw error(file, path + "/Array", "value " + (i * dim[1] + c + 1) + " (raw half " + (int) x + ") is infinite or NaN");
                    }
                } else {
                    tables[c][i] = (float) (x / outScale);
                }
            }
        }
        return new ClfNode.Lut1d(tables, halfDomain);
    }

    private static ClfNode lut3d(Element e, double outScale, String file, String path) {
        Element array = only(e, "Array", file, path);
        int[] dim = dims(array, file, path);
        if (dim.length != 4 || dim[3] != 3 || dim[0] != dim[1] || dim[1] != dim[2] || dim[0] < 2 || dim[0] > MAX_LUT3D) {
            throw error(file, path + "/Array", "a LUT3D Array is \"N N N 3\" with 2 <= N <= " + MAX_LUT3D + ", not \"" + array.getAttribute("dim") + "\"");
        }
        String interpolation = e.getAttribute("interpolation");
        if (!interpolation.isEmpty() && !interpolation.equals("trilinear") && !interpolation.equals("tetrahedral")) {
            throw error(file, path, "LUT3D interpolation must be trilinear or tetrahedral, not " + interpolation);
        }
        int n = dim[0];
        double[] v = numbers(array, n * n * n * 3, file, path + "/Array");
        float[] table = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            table[i] = (float) (v[i] / outScale);
        }
        return new ClfNode.Lut3d(n, table, interpolation.equals("tetrahedral"));
    }

    private static final List<String> LOG_STYLES = List.of("log10", "antiLog10", "log2", "antiLog2", "linToLog", "logToLin", "cameraLinToLog", "cameraLogToLin");
    private static final Set<String> LOG_PARAMS = Set.of("base", "logSideSlope", "logSideOffset", "linSideSlope", "linSideOffset", "linSideBreak", "linearSlope", "channel");

    private static ClfNode log(Element e, String file, String path) {
        String style = e.getAttribute("style");
        if (!LOG_STYLES.contains(style)) {
            throw error(file, path, "Log style \"" + style + "\" is not one of " + LOG_STYLES);
        }
        boolean basic = style.startsWith("log") && !style.equals("logToLin") || style.startsWith("antiLog");
        List<Element> params = named(e, "LogParams", file, path);
        if (basic) {
            return new ClfNode.Log(style, null);
        }
        if (params.isEmpty()) {
            throw error(file, path, "Log style " + style + " needs LogParams");
        }
        boolean camera = style.startsWith("camera");
        ClfNode.LogParams[] perChannel = new ClfNode.LogParams[3];
        Double base = null;
        for (Element p : params) {
            for (int a = 0; a < p.getAttributes().getLength(); a++) {
                String attr = p.getAttributes().item(a).getNodeName();
                if (!LOG_PARAMS.contains(attr)) {
                    throw error(file, path + "/LogParams", "unknown attribute " + attr);
                }
            }
            String at = path + "/LogParams";
            double b = attribute(p, "base", 2, file, at);
            if (base != null && base != b) {
                throw error(file, path + "/LogParams", "every channel must use the same base");
            }
            base = b;
            Double linBreak = p.hasAttribute("linSideBreak") ? attribute(p, "linSideBreak", 0, file, at) : null;
            if (!camera && (p.hasAttribute("linSideBreak") || p.hasAttribute("linearSlope"))) {
                throw error(file, path + "/LogParams", "linSideBreak and linearSlope belong to the camera styles, not " + style);
            }
            if (camera && linBreak == null) {
                throw error(file, path + "/LogParams", "style " + style + " needs linSideBreak");
            }
            ClfNode.LogParams lp = ClfNode.LogParams.of(b, attribute(p, "logSideSlope", 1, file, at), attribute(p, "logSideOffset", 0, file, at),
                    attribute(p, "linSideSlope", 1, file, at), attribute(p, "linSideOffset", 0, file, at), linBreak,
                    p.hasAttribute("linearSlope") ? attribute(p, "linearSlope", 0, file, at) : null);
            assign(perChannel, p.getAttribute("channel"), lp, file, path);
        }
        fillMissing(perChannel, file, path);
        return new ClfNode.Log(style, perChannel);
    }

    private static final List<String> EXPONENT_STYLES = List.of("basicFwd", "basicRev", "basicMirrorFwd", "basicMirrorRev", "basicPassThruFwd",
            "basicPassThruRev", "monCurveFwd", "monCurveRev", "monCurveMirrorFwd", "monCurveMirrorRev");

    private static ClfNode exponent(Element e, String file, String path) {
        String style = e.getAttribute("style");
        if (!EXPONENT_STYLES.contains(style)) {
            throw error(file, path, "Exponent style \"" + style + "\" is not one of " + EXPONENT_STYLES);
        }
        boolean monCurve = style.startsWith("monCurve");
        List<Element> params = named(e, "ExponentParams", file, path);
        if (params.isEmpty()) {
            throw error(file, path, "an Exponent needs ExponentParams");
        }
        double[][] perChannel = new double[3][];
        for (Element p : params) {
            for (int a = 0; a < p.getAttributes().getLength(); a++) {
                String attr = p.getAttributes().item(a).getNodeName();
                if (!Set.of("exponent", "offset", "channel").contains(attr)) {
                    throw error(file, path + "/ExponentParams", "unknown attribute " + attr);
                }
            }
            if (!p.hasAttribute("exponent")) {
                throw error(file, path + "/ExponentParams", "exponent is required");
            }
            double g = attribute(p, "exponent", 1, file, path + "/ExponentParams");
            if (monCurve && !p.hasAttribute("offset")) {
                throw error(file, path + "/ExponentParams", "style " + style + " needs an offset");
            }
            if (!monCurve && p.hasAttribute("offset")) {
                throw error(file, path + "/ExponentParams", "offset is only for the monCurve styles");
            }
            double k = attribute(p, "offset", 0, file, path + "/ExponentParams");
            if (monCurve && (!(g >= 1 && g <= 10) || !(k >= 0 && k <= 0.9))) {
                throw error(file, path + "/ExponentParams", "monCurve needs exponent in [1, 10] and offset in [0, 0.9], not " + g + ", " + k);
            }
            if (!monCurve && !(g > 0)) {
                throw error(file, path + "/ExponentParams", "the exponent must be positive, not " + g);
            }
            assign(perChannel, p.getAttribute("channel"), new double[] {g, k}, file, path);
        }
        for (int i = 0; i < 3; i++) {
            if (perChannel[i] == null) {
                perChannel[i] = new double[] {1, 0}; // a channel without parameters passes unchanged
            }
        }
        return new ClfNode.Exponent(style, new double[] {perChannel[0][0], perChannel[1][0], perChannel[2][0]},
                new double[] {perChannel[0][1], perChannel[1][1], perChannel[2][1]});
    }

    private static ClfNode cdl(Element e, String file, String path) {
        String style = e.getAttribute("style").isEmpty() ? "Fwd" : e.getAttribute("style");
        if (!Set.of("Fwd", "Rev", "FwdNoClamp", "RevNoClamp").contains(style)) {
            throw error(file, path, "ASC_CDL style \"" + style + "\" is not Fwd, Rev, FwdNoClamp or RevNoClamp");
        }
        return Cdl.node(e, style, true, file, path);
    }

    /** The ASC CDL (SOPNode, SatNode) inside an element such as an AMF lookTransform, read as the ASC CDL XML format reads it. */
    public static ClfNode.Cdl ascCdl(Element e, String file, String path) {
        return Cdl.node(e, "Fwd", false, file, path);
    }

    /** The ASC CDL SOP/SAT values of a ColorCorrection or ASC_CDL element, checked (shared with the .cc/.ccc/.cdl reader). */
    static final class Cdl {
        private Cdl() {
        }

        /**
         * {@code strict}: unknown child elements are errors and only SOPNode/SatNode are accepted (CLF); the ASC CDL XML
         * formats let readers skip unknown elements, and their schema (v1.01) makes ASC_SOP and ASC_SAT substitutes for
         * SOPNode and SatNode (SATNode is a common misspelling, read too).
         */
        static ClfNode.Cdl node(Element e, String style, boolean strict, String file, String path) {
            double[] slope = {1, 1, 1};
            double[] offset = {0, 0, 0};
            double[] power = {1, 1, 1};
            double sat = 1;
            for (Element c : children(e)) {
                switch (local(c)) {
                    case "SOPNode", "ASC_SOP" -> {
                        if (strict && local(c).equals("ASC_SOP")) {
                            throw error(file, path + "/ASC_SOP", "CLF spells it SOPNode (no alternate spellings, unlike ASC CDL XML)");
                        }
                        String sop = path + "/" + local(c);
                        slope = triple(only(c, "Slope", file, sop), file, sop + "/Slope");
                        offset = triple(only(c, "Offset", file, sop), file, sop + "/Offset");
                        power = triple(only(c, "Power", file, sop), file, sop + "/Power");
                    }
                    case "SatNode", "SATNode", "ASC_SAT" -> {
                        if (strict && !local(c).equals("SatNode")) {
                            throw error(file, path + "/" + local(c), "CLF spells it SatNode (no alternate spellings, unlike ASC CDL XML)");
                        }
                        String satNode = path + "/" + local(c);
                        double[] s = numbers(only(c, "Saturation", file, satNode), 1, file, satNode + "/Saturation");
                        sat = s[0];
                    }
                    case "Description", "InputDescription", "ViewingDescription" -> {
                    }
                    default -> {
                        if (strict) {
                            throw error(file, path + "/" + local(c), "unexpected element in an ASC CDL");
                        }
                    }
                }
            }
            for (int i = 0; i < 3; i++) {
                if (!(slope[i] >= 0)) {
                    throw error(file, path + "/SOPNode/Slope", "slope must be >= 0, not " + slope[i]);
                }
                if (!(power[i] > 0)) {
                    throw error(file, path + "/SOPNode/Power", "power must be > 0, not " + power[i]);
                }
            }
            if (!(sat >= 0)) {
                throw error(file, path + "/SatNode/Saturation", "saturation must be >= 0, not " + sat);
            }
            return new ClfNode.Cdl(style, slope, offset, power, sat);
        }

        private static double[] triple(Element e, String file, String path) {
            return numbers(e, 3, file, path);
        }
    }

    private static <T> void assign(T[] perChannel, String channel, T value, String file, String path) {
        if (channel.isEmpty()) {
            for (int i = 0; i < 3; i++) {
                if (perChannel[i] == null) {
                    perChannel[i] = value;
                }
            }
            return;
        }
        int i = switch (channel) {
            case "R" -> 0;
            case "G" -> 1;
            case "B" -> 2;
            default -> throw error(file, path, "channel must be R, G or B, not " + channel);
        };
        perChannel[i] = value;
    }

    private static <T> void fillMissing(T[] perChannel, String file, String path) {
        for (T t : perChannel) {
            if (t == null) {
                throw error(file, path, "parameters are given for some channels but not all (and no default without channel)");
            }
        }
    }

    private static boolean trueAttribute(Element e, String name, String file, String path) {
        if (!e.hasAttribute(name)) {
            return false;
        }
        if (!e.getAttribute(name).equals("true")) {
            throw error(file, path, name + ", when present, must be \"true\", not \"" + e.getAttribute(name) + "\"");
        }
        return true;
    }

    private static String bitDepth(Element e, String attribute, String file, String path) {
        String v = e.getAttribute(attribute);
        if (v.isEmpty()) {
            throw error(file, path, attribute + " is required");
        }
        if (!SCALE.containsKey(v)) {
            throw error(file, path, attribute + " \"" + v + "\" is not one of 8i, 10i, 12i, 16i, 16f, 32f");
        }
        return v;
    }

    private static int[] dims(Element array, String file, String path) {
        String[] parts = array.getAttribute("dim").strip().split("\\s+");
        int[] d = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                d[i] = Integer.parseInt(parts[i]);
                if (d[i] <= 0) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException ex) {
            throw error(file, path + "/Array", "dim=\"" + array.getAttribute("dim") + "\" is not a list of positive integers");
        }
        return d;
    }

    /** Exactly {@code count} numbers, whitespace (or comma) separated; counting stops at one too many, so no huge allocation. */
    static double[] numbers(Element e, int count, String file, String path) {
        String text = e.getTextContent();
        double[] out = new double[count];
        int n = 0;
        int i = 0;
        int len = text.length();
        while (i < len) {
            while (i < len && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ',')) {
                i++;
            }
            if (i >= len) {
                break;
            }
            int start = i;
            while (i < len && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != ',') {
                i++;
            }
            if (n == count) {
                throw error(file, path, "holds more than the " + count + (count == 1 ? " value" : " values") + " it takes");
            }
            String token = text.substring(start, i);
            String shown = "value " + (n + 1) + " \"" + (token.length() > 40 ? token.substring(0, 40) + "…" : token) + "\"";
            try {
                out[n] = parse(token);
            } catch (NumberFormatException ex) {
                throw error(file, path, shown + " is not a number");
            }
            if (!Double.isFinite(out[n++])) {
                throw error(file, path, shown + " is not a finite number");
            }
        }
        if (n != count) {
            throw error(file, path, "holds " + n + (n == 1 ? " value" : " values") + ", not the " + count + " it takes");
        }
        return out;
    }

    private static double parse(String token) {
        return switch (token.toLowerCase(java.util.Locale.ROOT)) {
            case "inf", "+inf", "infinity" -> Double.POSITIVE_INFINITY;
            case "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> {
                if (token.endsWith("f") || token.endsWith("d") || token.endsWith("F") || token.endsWith("D")) {
                    throw new NumberFormatException(token); // Java would accept 1.0f; CLF does not
                }
                yield Double.parseDouble(token);
            }
        };
    }

    private static Double optionalNumber(Element parent, String name, String file, String path) {
        List<Element> found = named(parent, name, file, path);
        if (found.isEmpty()) {
            return null;
        }
        return numbers(found.get(0), 1, file, path + "/" + name)[0];
    }

    private static double attribute(Element e, String name, double fallback, String file, String path) {
        if (!e.hasAttribute(name)) {
            return fallback;
        }
        double value;
        try {
            value = parse(e.getAttribute(name).strip());
        } catch (NumberFormatException ex) {
            throw error(file, path + "/@" + name, "\"" + e.getAttribute(name) + "\" is not a number");
        }
        if (!Double.isFinite(value)) {
            throw error(file, path + "/@" + name, "\"" + e.getAttribute(name) + "\" is not a finite number");
        }
        return value;
    }

    private static Element only(Element parent, String name, String file, String path) {
        List<Element> found = named(parent, name, file, path);
        if (found.size() != 1) {
            throw error(file, path, found.isEmpty() ? "<" + name + "> is missing" : "<" + name + "> appears " + found.size() + " times");
        }
        return found.get(0);
    }

    private static List<Element> named(Element parent, String name, String file, String path) {
        List<Element> out = new ArrayList<>();
        for (Element c : children(parent)) {
            if (local(c).equals(name)) {
                out.add(c);
            }
        }
        return out;
    }

    static List<Element> children(Element e) {
        return Dom.children(e);
    }

    static String local(Element e) {
        return Dom.local(e);
    }

    private static RushesException error(String file, String path, String reason) {
        return Errors.invalidDocument(file, path, reason, "Fix the CLF (Academy/ASC Common LUT Format v3) or re-export it from its source");
    }
}
