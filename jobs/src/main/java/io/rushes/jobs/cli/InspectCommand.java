package io.rushes.jobs.cli;

import io.rushes.engine.api.ClipJson;
import io.rushes.engine.api.ClipResult;
import io.rushes.engine.api.InspectOptions;
import io.rushes.engine.api.Inspector;
import io.rushes.engine.discovery.ClipDiscovery;
import io.rushes.engine.discovery.Discovery;
import io.rushes.engine.format.FormatRegistry;
import io.rushes.engine.integrity.HashAlgorithm;
import io.rushes.engine.io.FileByteSource;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rushes inspect}: discover clips under the paths, read their headers, print one record per clip. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Find the clips in files, frame-sequence folders or whole cards and print their normalised metadata.")
public final class InspectCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "A file, a frame sequence folder, or a card.")
    List<Path> paths;

    @Option(names = "--json", description = "One JSON object per clip (JSON Lines) instead of a table.")
    boolean json;

    @Option(names = "--raw", description = "With --json: include every raw key/value the files carry.")
    boolean raw;

    @Option(names = "--hash", paramLabel = "ALGO", defaultValue = "none",
            description = "File hash to compute while inspecting: xxh128, xxh64, xxh3, md5, sha1, c4 or none (default: ${DEFAULT-VALUE}).")
    String hash;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Set<HashAlgorithm> hashes = CliValues.hashes(hash);
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "No such file or folder: " + p);
            }
        }
        Discovery found = ClipDiscovery.group(ClipDiscovery.listLocal(paths));
        Inspector inspector = new Inspector(FormatRegistry.loadDefault(), location -> new FileByteSource(Path.of(location)));
        InspectOptions options = new InspectOptions(hashes);
        PrintStream out = System.out;
        List<ClipResult> results = new ArrayList<>();
        for (var clip : found.clips()) {
            ClipResult r = inspector.inspect(clip, options);
            if (json) {
                out.println(ClipJson.line(r, raw));
            } else {
                results.add(r);
            }
        }
        if (!json) {
            ClipTable.print(results, found, out);
        }
        out.flush();
        return 0;
    }
}
