package io.rushes.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rushes.engine.color.CameraLog;
import org.junit.jupiter.api.Test;

/** The develop pipeline's ACEScct encoding is the colour engine's one (CameraLog), not a float copy of its formula. */
class AcesCctCurveTest {
    @Test
    void theDevelopCurveIsCameraLogsAcesCct() {
        for (int i = 0; i <= 100_000; i++) {
            float linear = (float) (Math.pow(2, -20 + 36 * i / 100_000.0) - 1e-4);
            assertEquals((float) CameraLog.ACESCCT.encode(linear), Pipeline.Curve.ACESCCT.apply(linear), "at " + linear);
        }
    }
}
