package io.rushes.engine.color;

import java.util.ArrayList;
import java.util.List;

/**
 * A colour pipeline declared as a list of {@link ColorOp}s and compiled once (per executor) into a shorter list: adjacent
 * matrices multiplied into one, a curve followed by its inverse removed, identity matrices dropped, steps that know
 * their successor fused with it (the ACES 1.3 RRT with an ODT). {@link #reference}
 * runs the declared list as written, the specification the compiled form must match.
 */
public final class ColorPipeline implements ColorProcessor {
    private final List<ColorOp> declared;
    private final List<ColorOp> compiled;

    public ColorPipeline(List<ColorOp> declared) {
        this.declared = List.copyOf(declared);
        this.compiled = compile(this.declared);
    }

    public List<ColorOp> declared() {
        return declared;
    }

    public List<ColorOp> compiled() {
        return compiled;
    }

    /** The compiled pipeline on one triplet, in place. */
    @Override
    public void apply(double[] rgb) {
        for (ColorOp op : compiled) {
            op.apply(rgb);
        }
    }

    /** The declared pipeline, op by op, on one triplet, in place. */
    public void reference(double[] rgb) {
        for (ColorOp op : declared) {
            op.apply(rgb);
        }
    }

    /** The declared operations' names, in order. */
    @Override
    public String describe() {
        return declared.isEmpty() ? "identity" : String.join(", ", declared.stream().map(ColorOp::name).toList());
    }

    private static List<ColorOp> compile(List<ColorOp> ops) {
        List<ColorOp> out = new ArrayList<>();
        for (ColorOp op : ops) {
            ColorOp last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (op instanceof ColorOp.MatrixOp m && last instanceof ColorOp.MatrixOp prev) {
                out.set(out.size() - 1, new ColorOp.MatrixOp(prev.name() + " · " + m.name(), m.matrix().times(prev.matrix())));
            } else if (op instanceof ColorOp.CurveOp c && last instanceof ColorOp.CurveOp prev && c.name().equals(prev.inverseName())) {
                out.remove(out.size() - 1);
            } else if (last instanceof ColorOp.StepOp prev && prev.fusion() != null && prev.fusion().withNext(op) != null) {
                out.set(out.size() - 1, prev.fusion().withNext(op));
            } else {
                out.add(op);
            }
            // A fused matrix that came out as the identity does nothing: drop it, and look again at what it separated.
            if (!out.isEmpty() && out.get(out.size() - 1) instanceof ColorOp.MatrixOp m && m.matrix().isIdentity(1e-12)) {
                out.remove(out.size() - 1);
                if (out.size() >= 2 && out.get(out.size() - 1) instanceof ColorOp.CurveOp c
                        && out.get(out.size() - 2) instanceof ColorOp.CurveOp prev && c.name().equals(prev.inverseName())) {
                    out.remove(out.size() - 1);
                    out.remove(out.size() - 1);
                }
            }
        }
        return List.copyOf(out);
    }
}
