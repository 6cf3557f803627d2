package io.rushes.engine.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LogC3 by exposure index against three independent references: ARRI's published closed-form parameters, the whole
 * 65536-entry table of the Academy's IDT.ARRI.Alexa-v3-logC-EI800 CTL, and entries of the EI 1600 IDT's table, where
 * the highlight knee applies.
 */
class ArriLogC3Test {
    /**
     * ARRI's table of LogC3 parameters for SUP 3.x ({cut, a, b, c, d, e, f}, six decimals; "ALEXA Log C Curve – Usage
     * in VFX"): the derivation must reproduce them to the rounding.
     */
    @Test
    void parametersAreArrisPublishedTable() {
        double[][] published = {
            {160, 0.005561, 5.555556, 0.080216, 0.269036, 0.381991, 5.842037, 0.092778},
            {800, 0.010591, 5.555556, 0.052272, 0.247190, 0.385537, 5.367655, 0.092809},
            {1600, 0.013047, 5.555556, 0.038625, 0.237781, 0.387093, 5.163350, 0.092824}};
        for (double[] row : published) {
            double[] derived = ArriLogC3.of((int) row[0]).parameters();
            for (int i = 0; i < 7; i++) {
                assertEquals(row[i + 1], derived[i], 5.01e-7, "EI " + (int) row[0] + " parameter " + "cabcdef".charAt(i));
            }
        }
    }

    /** The EI 800 IDT's table (../shared/specs, ACES 1.3 CTL) sampled at every code value 0 … 65535. */
    @Test
    void ei800IsTheIdtTable() throws IOException {
        Path ctl = Samples.dir().resolveSibling("specs")
                .resolve("aces/v1.3/transforms/ctl/idt/vendorSupplied/arri/alexa/v3/EI800/IDT.ARRI.Alexa-v3-logC-EI800.ctl");
        String text = Files.readString(ctl);
        Matcher table = Pattern.compile("inverseLogCCurve\\[65536\\] = \\{([^}]*)}").matcher(text);
        assertTrue(table.find(), "no table in " + ctl);
        String[] entries = table.group(1).split(",");
        assertEquals(65536, entries.length);
        ArriLogC3 curve = ArriLogC3.of(800);
        double worst = 0;
        for (int i = 0; i < entries.length; i++) {
            double expected = Double.parseDouble(entries[i].strip());
            double got = curve.decode(i / 65535.0);
            worst = Math.max(worst, Math.abs(got - expected) / Math.max(1e-3, Math.abs(expected)));
        }
        System.out.printf("LogC3 EI800 vs the IDT's 65536-entry table: worst relative difference %.3g%n", worst);
        assertTrue(worst < 1e-11, "worst " + worst); // the table prints 14 significant digits
    }

    /**
     * Entries of IDT.ARRI.Alexa-v3-logC-EI1600.a1.v2's table (aces-core, written by ARRI's maker v0.09): the first, one
     * inside the highlight knee (code 58980, ≈ 0.9), and the last three up to sensor clip (code 1.0).
     */
    @Test
    void ei1600FollowsTheIdtTableThroughTheKnee() {
        ArriLogC3 curve = ArriLogC3.of(1600);
        assertTrue(curve.clipCode() > 1, "EI 1600 needs the knee: clip code " + curve.clipCode());
        double[][] entries = {{0, -1.7977475615912e-02}, {58980, 2.6165802977962e+01}, {58981, 2.6169774708674e+01},
            {65533, 7.1696323814536e+01}, {65534, 7.1707501672249e+01}, {65535, 7.1718681318681e+01}};
        for (double[] e : entries) {
            assertEquals(e[1], curve.decode(e[0] / 65535), 1e-11 * Math.abs(e[1]), "code " + (int) e[0]);
        }
    }

    @ParameterizedTest(name = "EI {0}")
    @ValueSource(ints = {160, 400, 800, 1600, 2560, 3200})
    void encodeInvertsDecodeAcrossTheCodeRange(int ei) {
        ArriLogC3 curve = ArriLogC3.of(ei);
        for (int i = 0; i <= 1000; i++) {
            double code = i / 1000.0;
            assertEquals(code, curve.encode(curve.decode(code)), 1e-12, "EI " + ei + " code " + code);
        }
        assertEquals(0.18, curve.decode(curve.encode(0.18)), 1e-15);
    }

    /** ARRI: 18 % grey codes 400/1023 at every EI; a higher EI is a flatter curve with more room above grey. */
    @Test
    void greyCodesAt400AtEveryEiAndHighEiIsFlatter() {
        double previousGain = Double.MAX_VALUE;
        for (int ei : new int[] {160, 200, 250, 320, 400, 500, 640, 800, 1000, 1280, 1600, 2000, 2560, 3200}) {
            ArriLogC3 curve = ArriLogC3.of(ei);
            assertEquals(400 / 1023.0, curve.encode(0.18), 1e-12, "EI " + ei);
            double gain = curve.parameters()[3];
            assertTrue(gain < previousGain, "EI " + ei + " gain " + gain);
            previousGain = gain;
        }
    }
}
