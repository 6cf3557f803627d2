package io.rushes.engine.color.amf;

import io.rushes.engine.color.clf.ClfNode;
import java.util.List;

/**
 * An ACES Metadata File (v1.0 or v2.0): what it is about, and its colour pipeline. Transforms keep their
 * {@code applied} flag: an applied transform is already baked into the images and is skipped when the pipeline runs.
 */
public record Amf(String file, String version, String uuid, String description, ClipId clipId, Pipeline pipeline,
                  List<Pipeline> archivedPipelines) {

    public record ClipId(String clipName, String file, String sequence, String uuid) {
    }

    /** One pipeline: its ACES system version and its transforms in order (input, looks, output). */
    public record Pipeline(String systemVersion, List<Transform> transforms, Integer workingLocation) {
    }

    /** Where a transform is found: an ACES transform id, a file (CLF), or an inline ASC CDL. */
    public sealed interface Source permits TransformId, FileRef, Cdl, Combined {
    }

    public record TransformId(String id) implements Source {
    }

    public record FileRef(String path) implements Source {
    }

    /** An inline CDL with its working space: {@code to} (ACES → working) may be absent, then it is the inverse of {@code from}. */
    public record Cdl(ClfNode.Cdl cdl, Source to, Source from) implements Source {
    }

    /** An output transform written as its two halves: the reference rendering and the output device transform. */
    public record Combined(Source first, Source second) implements Source {
    }

    public enum Kind { INPUT, LOOK, OUTPUT }

    /** One transform of the pipeline; {@code inverse} for the inverse forms (inverseOutputTransform and its halves). */
    public record Transform(Kind kind, boolean applied, boolean inverse, Source source, String description, String path) {
    }
}
