package io.rushes.jobs.cli;

import io.rushes.engine.color.ColorStep;
import io.rushes.engine.color.TransformRegistry;
import io.rushes.engine.color.amf.AmfPipeline;
import io.rushes.engine.color.amf.AmfReader;
import io.rushes.engine.error.Errors;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rushes color apply}: RGB triplets through a transform, for scripts and checks. */
@Command(name = "color", mixinStandardHelpOptions = true, description = "Colour transforms.", subcommands = {ColorCommand.Apply.class})
public final class ColorCommand {

    @Command(name = "apply", mixinStandardHelpOptions = true,
            description = {"Read RGB triplets (whitespace separated, one per line) on stdin; write each transformed triplet on stdout",
                    "at full float precision. Blank lines and lines starting with # pass through. With neither --transform-id nor",
                    "--amf: ACES2065-1 through the default output, ACES 2.0 Rec.709 (100 cd/m², BT.1886)."})
    static final class Apply implements Callable<Integer> {
        static final class What {
            @Option(names = "--transform-id", description = "An ACES transform id (urn:ampas:aces:transformId:…).")
            String transformId;

            @Option(names = "--amf", description = "An AMF: its pipeline's transforms not yet applied.")
            Path amf;
        }

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        What what;

        @Option(names = "--inverse", description = "With --transform-id: its inverse.")
        boolean inverse;

        /** A triplet at full precision fits in well under 100 characters; anything near this is not one. */
        private static final int MAX_LINE = 4096;

        @Override
        public Integer call() throws Exception {
            ColorStep step = what == null ? AmfPipeline.defaultOutput()::apply
                    : what.transformId != null ? TransformRegistry.resolve(what.transformId, inverse, "--transform-id")
                    : AmfPipeline.build(AmfReader.read(what.amf), what.amf.toAbsolutePath().getParent())::apply;
            PrintStream out = new PrintStream(new java.io.BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            int lineNo = 0;
            try {
                for (String line; (line = readLine(in, ++lineNo)) != null; ) {
                    String t = line.strip();
                    if (t.isEmpty() || t.startsWith("#")) {
                        out.println(line);
                        continue;
                    }
                    double[] rgb = triplet(t, lineNo);
                    step.apply(rgb);
                    out.println((float) rgb[0] + " " + (float) rgb[1] + " " + (float) rgb[2]);
                }
            } finally {
                out.flush(); // the lines before a bad one are written
            }
            return 0;
        }

        /** A plain decimal number: no hex, no Java suffixes (1f, 2d), no NaN or Infinity. */
        private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

        /** Three finite numbers separated by whitespace or commas, or a one-line error naming the line. */
        static double[] triplet(String text, int lineNo) {
            String[] p = text.split("[\\s,]+");
            double[] rgb = new double[3];
            boolean ok = p.length == 3;
            for (int i = 0; ok && i < 3; i++) {
                ok = NUMBER.matcher(p[i]).matches();
                if (ok) {
                    rgb[i] = Double.parseDouble(p[i]);
                    ok = Double.isFinite(rgb[i]); // 1e999
                }
            }
            if (!ok) {
                throw Errors.invalidArgument("line " + lineNo + " of the input is not three finite numbers (\"" + shortened(text) + "\")",
                        "Give one RGB triplet per line, its numbers separated by spaces or commas (blank lines and # comments pass through)");
            }
            return rgb;
        }

        /** The next line without its terminator, or null at the end; a line of more than MAX_LINE characters is refused. */
        private static String readLine(BufferedReader in, int lineNo) throws java.io.IOException {
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) != -1; ) {
                if (c == '\n') {
                    return line.toString();
                }
                if (line.length() == MAX_LINE) {
                    throw Errors.invalidArgument("line " + lineNo + " of the input is longer than " + MAX_LINE + " characters",
                            "Give one whitespace-separated RGB triplet per line");
                }
                line.append((char) c);
            }
            return line.length() == 0 ? null : line.toString();
        }

        private static String shortened(String text) {
            return text.length() <= 80 ? text : text.substring(0, 80) + "…";
        }
    }
}
