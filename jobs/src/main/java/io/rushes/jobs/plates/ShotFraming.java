package io.rushes.jobs.plates;

import io.rushes.engine.fdl.CanvasTemplateApplication;
import io.rushes.engine.fdl.FdlReader;
import io.rushes.engine.io.Documents;
import java.nio.file.Path;

/** A shot's framing: the framing decision its pull list row names, in the FDL that holds it, through a canvas template. */
final class ShotFraming {
    private ShotFraming() {
    }

    /**
     * The application of canvas template {@code templateId} (the FDL's own) to the decision of {@code reference}
     * ("uuid/decision id") in the FDL at {@code fdlPath}.
     */
    static CanvasTemplateApplication apply(String fdlPath, String reference, String templateId) {
        var fdl = FdlReader.loadForUse(Documents.read(Path.of(fdlPath), FdlReader.MAX_BYTES, "FDL"), fdlPath).fdl();
        try {
            return CanvasTemplateApplication.forDecision(fdl, reference.substring(reference.indexOf('/') + 1), templateId, templateId);
        } catch (io.rushes.engine.error.RushesException e) {
            throw e.file() == null ? e.inFile(fdlPath) : e;
        }
    }
}
