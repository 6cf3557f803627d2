package io.rushes.jobs.plates;

import io.rushes.engine.error.Errors;
import io.rushes.engine.fdl.CanvasTemplateApplication;
import io.rushes.engine.fdl.Fdl;
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
        Fdl fdl = FdlReader.loadForUse(Documents.read(Path.of(fdlPath), FdlReader.MAX_BYTES, "FDL"), fdlPath).fdl();
        String decisionId = reference.substring(reference.indexOf('/') + 1);
        for (Fdl.Canvas canvas : fdl.canvases()) {
            for (Fdl.FramingDecision decision : canvas.framingDecisions()) {
                if (decision.id().equals(decisionId)) {
                    Fdl.CanvasTemplate template = CanvasTemplateApplication.template(fdl.canvasTemplates(), templateId, fdlPath);
                    return CanvasTemplateApplication.applyTo(fdl, canvas, decision, template, templateId);
                }
            }
        }
        throw Errors.invalidDocument(fdlPath, "$.contexts", "no framing decision has the id '" + decisionId + "'",
                "Give the shot a framing decision id of this FDL (its fdl_decision column)");
    }
}
