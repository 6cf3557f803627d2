package io.rushes.engine.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Jackson for untrusted JSON documents (FDL, OTIO, deliverable specs): bounded length, strings and nesting; duplicate keys refused. */
public final class BoundedJson {
    private BoundedJson() {
    }

    public static ObjectMapper mapper(int maxBytes, int maxString, int maxDepth) {
        return new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(maxString).maxNestingDepth(maxDepth).maxDocumentLength(maxBytes).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build());
    }
}
