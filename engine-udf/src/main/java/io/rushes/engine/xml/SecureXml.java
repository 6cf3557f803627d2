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

/** XML parsing for untrusted files: no DTDs, no external entities, bounded size. */
public final class SecureXml {
    public static final int MAX_BYTES = 64 << 20;

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
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw Errors.corrupt(name, -1, "not well-formed or not allowed XML: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw Errors.internal(name, e);
        }
    }
}
