package io.rushes.engine.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SecureXmlTest {
    static byte[] nested(String root, int depth) {
        return (root + "<a>".repeat(depth) + "</a>".repeat(depth) + root.replaceFirst("<([^ >]+).*", "</$1>"))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** 100 000 nested elements: refused while parsing, with the file and the limit, before anything recurses over them. */
    @Test
    void deepNestingIsRefusedAtTheLimit() {
        RushesException e = assertThrows(RushesException.class, () -> SecureXml.parse(nested("<r>", 100_000), "deep.xml"));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertTrue(e.getMessage().startsWith("Cannot read deep.xml: its elements nest deeper than " + SecureXml.MAX_DEPTH + " levels"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("\n") && e.getMessage().length() < 300, e.getMessage());
    }

    @Test
    void nestingUpToTheLimitParses() {
        Document doc = SecureXml.parse(nested("<r>", SecureXml.MAX_DEPTH - 1), "ok.xml");
        assertEquals("r", doc.getDocumentElement().getTagName());
        RushesException over = assertThrows(RushesException.class, () -> SecureXml.parse(nested("<r>", SecureXml.MAX_DEPTH), "over.xml"));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, over.code(), over.getMessage());
    }

    @Test
    void malformedXmlIsCorruptWithItsLine() {
        RushesException e = assertThrows(RushesException.class, () -> SecureXml.parse("<r>\n<a></b></r>".getBytes(StandardCharsets.UTF_8), "bad.xml"));
        assertEquals(ErrorCode.CORRUPT, e.code());
        assertTrue(e.getMessage().startsWith("Cannot read bad.xml: not well-formed or not allowed XML at line 2"), e.getMessage());
    }
}
