package io.rushes.engine.xml;

import io.rushes.engine.error.Errors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** XML parsing for untrusted files: no DTDs, no external entities, bounded size and element depth. */
public final class SecureXml {
    public static final int MAX_BYTES = 64 << 20;
    /** Deepest element nesting accepted: AMF, CLF, ASC CDL and ASC MHL files nest fewer than 10 levels. */
    public static final int MAX_DEPTH = 64;
    /**
     * The JDK parser's own depth bound (JAXP {@code jdk.xml.maxElementDepth}): it stops at the element past the limit,
     * so a deep document is never built, and nothing that walks the DOM afterwards (text content, CDL collections)
     * recurses deeper than the limit.
     */
    private static final String MAX_ELEMENT_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";
    /** The JAXP message code of that limit, the one way its error tells itself apart from a malformed document. */
    private static final String DEPTH_LIMIT_REACHED = "JAXP00010006";

    private SecureXml() {
    }

    public static Document parse(byte[] xml, String name) {
        if (xml.length > MAX_BYTES) {
            throw Errors.limitExceeded(name, 0, "the XML size", xml.length, MAX_BYTES);
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute(MAX_ELEMENT_DEPTH, Integer.toString(MAX_DEPTH));
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(DEPTH_LIMIT_REACHED)) {
                throw Errors.documentTooDeep(name, e.getLineNumber(), MAX_DEPTH);
            }
            throw Errors.corrupt(name, -1, "not well-formed or not allowed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + withoutFinalStop(e.getMessage()));
        } catch (SAXException e) {
            throw Errors.corrupt(name, -1, "not well-formed or not allowed XML: " + withoutFinalStop(e.getMessage()));
        } catch (ParserConfigurationException | IOException e) {
            throw Errors.internal(name, e);
        }
    }

    private static String withoutFinalStop(String message) {
        return message != null && message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
}
