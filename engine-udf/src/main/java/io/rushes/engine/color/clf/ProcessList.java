package io.rushes.engine.color.clf;

import java.util.List;

/** A parsed Common LUT Format ProcessList: its nodes in order, each already rescaled to 32f. */
public record ProcessList(String id, String name, String inverseOf, List<String> acesTransformIds, List<ClfNode> nodes) {

    /** Transforms one RGB triplet in place through every node. */
    public void apply(double[] rgb) {
        for (ClfNode n : nodes) {
            n.apply(rgb);
        }
    }
}
