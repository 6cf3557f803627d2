package io.rushes.engine.color.clf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import io.rushes.engine.error.RushesException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The CLF v3 test suite (Implementation Guide Annex B, from OpenColorIO): legal files load, every illegal/ file is refused. */
class ClfReaderTest {
    static Path suite() {
        return Samples.dir().resolve("clf/OpenColorIO/tests/data/files/clf");
    }

    static Stream<Path> legal() throws Exception {
        try (Stream<Path> s = Files.walk(suite())) {
            return s.filter(p -> p.toString().endsWith(".clf") && !p.toString().contains("/illegal/")).sorted().toList().stream();
        }
    }

    static Stream<Path> illegal() throws Exception {
        try (Stream<Path> s = Files.walk(suite())) {
            return s.filter(p -> p.toString().endsWith(".clf") && p.toString().contains("/illegal/")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legal")
    void legalFilesLoad(Path file) throws Exception {
        ProcessList list = ClfReader.read(Files.readAllBytes(file), file.toString());
        assertFalse(list.nodes().isEmpty());
        double[] rgb = {0.5, 0.25, 0.125};
        list.apply(rgb);
        for (double v : rgb) {
            assertFalse(Double.isNaN(v), file + " gives NaN for mid grey");
        }
    }

    @org.junit.jupiter.api.Test
    void entitiesAndOversizedArraysAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<ProcessList id=\"a\" compCLFversion=\"3.0\"><Description>&x;</Description></ProcessList>";
        RushesException e = assertThrows(RushesException.class, () -> ClfReader.read(xxe.getBytes(), "xxe.clf"));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<ProcessList id=\"a\" compCLFversion=\"3.0\"><Description>&b;</Description></ProcessList>";
        assertThrows(RushesException.class, () -> ClfReader.read(laughs.getBytes(), "laughs.clf"));
        String huge = "<ProcessList id=\"a\" compCLFversion=\"3.0\"><LUT3D inBitDepth=\"32f\" outBitDepth=\"32f\">"
                + "<Array dim=\"1000 1000 1000 3\">0 0 0</Array></LUT3D></ProcessList>";
        RushesException big = assertThrows(RushesException.class, () -> ClfReader.read(huge.getBytes(), "huge.clf"));
        assertTrue(big.getMessage().contains("N N N 3"), big.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("illegal")
    void illegalFilesAreRefusedWithTheirPlace(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        RushesException e = assertThrows(RushesException.class, () -> ClfReader.read(bytes, file.toString()));
        assertTrue(e.code().isUserError(), e.getMessage());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
    }
}
