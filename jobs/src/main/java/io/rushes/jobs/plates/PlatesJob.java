package io.rushes.jobs.plates;

import io.rushes.catalog.Catalog;
import io.rushes.catalog.CatalogSchema;
import io.rushes.engine.api.EngineVersion;
import io.rushes.engine.deliver.spec.DeliverableSpec;
import io.rushes.engine.deliver.spec.DeliverableSpecReader;
import io.rushes.engine.deliver.spec.Deliverables;
import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.integrity.FileHasher;
import io.rushes.engine.integrity.HashAlgorithm;
import io.rushes.engine.integrity.MhlWriter;
import io.rushes.engine.io.ByteSource;
import io.rushes.engine.io.Documents;
import io.rushes.engine.pull.PullListFormat;
import io.rushes.engine.pull.PullLists;
import io.rushes.engine.pull.Shot;
import io.rushes.engine.udf.RushesFunctions;
import io.rushes.jobs.hadoop.HadoopSources;
import io.rushes.jobs.ingest.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Plates: a pull list in, deliverables out. On the driver: read the pull list, resolve its shots against the catalog
 * (Spark SQL), decide each shot's version (the same parameters reuse their version and render only what is missing;
 * changed ones get a new version, never overwriting a delivered one) and cut the frames into sub-segments. On the
 * executors: one task per sub-segment renders it through the engine, each file committed atomically. Then every file's
 * row is MERGEd into {@code renders}, the shots into {@code pulls}, the documents into {@code render_documents}, and
 * each shot version's folder gets its AMF and an ASC MHL generation.
 */
public final class PlatesJob {
    static final String INJECT_FAILURE = "spark.rushes.plates.injectFailure";
    private static final java.util.regex.Pattern SAFE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final SparkSession spark;
    private final PlatesOptions options;
    private final PrintStream progressOut;

    public PlatesJob(SparkSession spark, PlatesOptions options, PrintStream progressOut) {
        this.spark = spark;
        this.options = options;
        this.progressOut = progressOut;
    }

    /** A deliverable as the run uses it: its specification's bytes (shipped to executors) and hash. */
    private record Spec(String name, byte[] bytes, String hash, DeliverableSpec spec) {
    }

    /** A document a render applied, recorded by content in render_documents. */
    private record Document(String hash, String kind, String name, String content) {
    }

    public PlatesSummary run() throws IOException {
        long startNanos = System.nanoTime();
        HadoopSources sources = new HadoopSources(spark.sparkContext().hadoopConfiguration());
        String pullUri = sources.qualify(options.pullList());
        String out = sources.qualify(options.out());
        byte[] pullBytes = read(sources, pullUri, PullLists.MAX_BYTES, "pull list");
        String pullHash = FileHasher.hash(pullBytes, HashAlgorithm.XXH128);
        PullLists.Read read = PullListFormat.read(pullBytes, pullUri, options.rate());
        String platesId = Ids.of(pullUri, pullHash, Instant.now().toString());
        Catalog catalog = Catalog.existing(spark, sources.qualify(options.catalog()));
        RushesFunctions.register(spark, sources);
        say("plates: " + read.shots().size() + " shots in " + pullUri + (read.errors().isEmpty() ? "" : ", " + read.errors().size()
                + " rows unreadable"));
        read.errors().forEach(e -> say("plates: error: " + e.getMessage()));

        List<Shot> shots = read.shots().stream().map(s -> s.handles() == 0 && options.handles() > 0 ? withHandles(s, options.handles()) : s)
                .toList();
        List<ShotResolver.Resolved> resolved = new ShotResolver(spark, catalog).resolve(shots);
        Map<String, Document> documents = new LinkedHashMap<>();
        Map<String, Spec> specs = new HashMap<>();
        List<Row> pullRows = new ArrayList<>();
        List<PlateUnit> units = new ArrayList<>();
        Map<String, Integer> shotErrors = new LinkedHashMap<>();
        for (RushesException e : read.errors()) {
            pullRows.add(pullRow(Ids.of(pullUri, "unreadable", e.getMessage()), pullUri, pullHash, null, "error", e.getMessage(), null, platesId));
        }
        Existing existing = existing(catalog, resolved, sources, out);
        FdlFolder fdls = new FdlFolder(options.fdlFolder());
        long skipped = 0;
        for (ShotResolver.Resolved r : resolved) {
            Shot shot = r.shot();
            String pullId = Ids.of(pullUri, shot.shot(), shot.origin());
            String status = r.status();
            String message = r.message();
            if (!SAFE_NAME.matcher(shot.shot()).matches() || shot.shot().contains("..")) {
                // The shot names its delivery folder: a name that could climb out of --out is refused, never cleaned up.
                status = "error";
                message = "Cannot render " + shot.origin() + ": the shot name '" + shot.shot() + "' is not a folder name of [A-Za-z0-9._-]. "
                        + "Rename the shot in the pull list (e.g. SH010)";
            } else if (r.renderable()) {
                try {
                    String amfPath = null;
                    String amfHash = null;
                    if (shot.amf() != null) {
                        Path amf = localBeside(pullUri, shot.amf(), shot);
                        byte[] amfBytes = Documents.read(amf, io.rushes.engine.xml.SecureXml.MAX_BYTES, "AMF");
                        amfHash = FileHasher.hash(amfBytes, HashAlgorithm.XXH128);
                        amfPath = amf.toString();
                        documents.putIfAbsent(amfHash, new Document(amfHash, "amf", amf.toString(), new String(amfBytes, StandardCharsets.UTF_8)));
                    }
                    String fdlPath = null;
                    String fdlHash = null;
                    if (shot.fdl() != null) {
                        Path fdl = fdls.find(shot);
                        byte[] fdlBytes = Documents.read(fdl, io.rushes.engine.fdl.FdlReader.MAX_BYTES, "FDL");
                        fdlHash = FileHasher.hash(fdlBytes, HashAlgorithm.XXH128);
                        fdlPath = fdl.toString();
                        documents.putIfAbsent(fdlHash, new Document(fdlHash, "fdl", fdlPath, new String(fdlBytes, StandardCharsets.UTF_8)));
                    }
                    List<String> wanted = shot.deliverable() != null ? List.of(shot.deliverable().split("[,;]")) : options.deliverables();
                    for (String name : wanted) {
                        Spec spec = specs.computeIfAbsent(name.strip(), n -> spec(n, pullUri, sources));
                        if (!SAFE_NAME.matcher(spec.spec().name()).matches() || spec.spec().name().contains("..")) {
                            throw Errors.invalidDocument(spec.name(), "$.name", "the deliverable's name '" + spec.spec().name()
                                    + "' is not a folder name of [A-Za-z0-9._-]", "Name it e.g. show-exr-plate");
                        }
                        documents.putIfAbsent(spec.hash(), new Document(spec.hash(), "deliverable", spec.name(),
                                new String(spec.bytes(), StandardCharsets.UTF_8)));
                        skipped += plan(r, pullId, spec, amfPath, amfHash, fdlPath, fdlHash, out, existing, units);
                    }
                } catch (RushesException e) {
                    status = "error";
                    message = e.during("render").getMessage();
                }
            }
            if (status.equals("error")) {
                shotErrors.put(shot.shot(), 1);
                say("plates: error: " + message);
            } else if (message != null) {
                say("plates: " + shot.shot() + ": " + message);
            }
            pullRows.add(pullRow(pullId, pullUri, pullHash, r, status, message, shot, platesId));
        }

        long total = units.stream().mapToLong(u -> u.frames().size()).sum();
        say("plates: " + units.size() + " tasks, " + total + " frames to render" + (skipped > 0 ? ", " + skipped + " files already delivered" : ""));
        List<Row> renderRows = List.of();
        if (!units.isEmpty()) {
            try (PlatesProgress progress = new PlatesProgress(spark, total, progressOut)) {
                renderRows = render(units, sources, platesId, progress);
            }
        }
        say("plates: recording " + renderRows.size() + " files in " + catalog.path(CatalogSchema.RENDERS));
        // Every row of this run describes what is now under its name (rendered again because it was missing, failed or
        // changed), so it replaces the old row.
        catalog.merge(CatalogSchema.RENDERS, spark.createDataFrame(renderRows, CatalogSchema.RENDERS.schema()), "true", null);
        catalog.merge(CatalogSchema.PULLS, spark.createDataFrame(pullRows, CatalogSchema.PULLS.schema()), "true", null);
        catalog.merge(CatalogSchema.RENDER_DOCUMENTS, spark.createDataFrame(documents.values().stream()
                .map(d -> RowFactory.create(d.hash(), d.kind(), d.name(), d.content())).toList(), CatalogSchema.RENDER_DOCUMENTS.schema()), null,
                null);
        packages(units, renderRows);

        long rendered = renderRows.stream().filter(row -> "ok".equals(row.getAs("status"))).count();
        long bytes = renderRows.stream().filter(row -> "ok".equals(row.getAs("status"))).mapToLong(row -> row.<Long>getAs("bytes")).sum();
        Set<String> failedShots = new LinkedHashSet<>(shotErrors.keySet());
        renderRows.stream().filter(row -> !"ok".equals(row.getAs("status"))).forEach(row -> failedShots.add(row.getAs("shot")));
        return new PlatesSummary(platesId, resolved.size() + read.errors().size(), failedShots.size() + read.errors().size(), rendered,
                renderRows.size() - rendered, skipped, bytes, (System.nanoTime() - startNanos) / 1e9);
    }

    private void say(String line) {
        if (progressOut != null) {
            progressOut.println(line);
        }
    }

    private static Shot withHandles(Shot s, int handles) {
        return new Shot(s.origin(), s.shot(), s.clip(), s.reel(), s.in(), s.last(), s.first(), s.lastFrame(), handles, s.version(), s.cdl(),
                s.fdl(), s.amf(), s.deliverable());
    }

    /** A document's bytes through Hadoop, at most {@code limit}. */
    private static byte[] read(HadoopSources sources, String uri, int limit, String kind) throws IOException {
        try (ByteSource source = sources.open(uri); InputStream in = source.openStream()) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw Errors.documentTooLarge(uri, kind, limit);
            }
            return bytes;
        }
    }

    /** A shipped deliverable's bytes, or a specification file's (local or Hadoop; relative ones beside the pull list). */
    private static Spec spec(String name, String pullUri, HadoopSources sources) {
        try {
            byte[] bytes;
            if (Deliverables.SHIPPED.contains(name)) {
                try (InputStream in = Deliverables.class.getResourceAsStream("shipped/" + name + ".json")) {
                    bytes = in.readAllBytes();
                }
            } else {
                if (!name.contains("/") && !name.endsWith(".json")) {
                    Deliverables.resolve(name); // refuses it, listing the shipped ones
                }
                String uri = new org.apache.hadoop.fs.Path(name).isAbsolute() ? name : new org.apache.hadoop.fs.Path(
                        new org.apache.hadoop.fs.Path(pullUri).getParent(), name).toString();
                bytes = read(sources, uri, DeliverableSpecReader.MAX_BYTES, "deliverable specification");
                name = uri;
            }
            return new Spec(name, bytes, FileHasher.hash(bytes, HashAlgorithm.XXH128), DeliverableSpecReader.load(bytes, name));
        } catch (IOException e) {
            throw Errors.io(name, e);
        }
    }

    /** The AMF a shot names, beside the pull list; it must be local, as its CLF references are read from its folder. */
    private static Path localBeside(String pullUri, String amf, Shot shot) {
        java.net.URI pull = new org.apache.hadoop.fs.Path(pullUri).toUri();
        if (pull.getScheme() != null && !pull.getScheme().equals("file") && !amf.startsWith("/")) {
            throw Errors.unsupportedFeature(shot.origin(), -1, "an AMF beside a pull list on " + pull.getScheme() + ":// storage",
                    "Give the AMF as a local absolute path (executors read it and the CLF files beside it from their file system)");
        }
        Path path = Path.of(amf);
        return path.isAbsolute() ? path : Path.of(pull.getPath()).getParent().resolve(path).normalize();
    }

    /** The renders already recorded for the shots of this pull list: versions by shot and deliverable, and each file's state. */
    private record Existing(Map<String, Map<Integer, String>> versions, Map<String, String> okParameters) {
    }

    /** Whether a recorded output is still where it was written, at the size recorded (a file deleted since is rendered again). */
    private static boolean present(HadoopSources sources, String output, long bytes, Map<String, Map<String, Long>> listings) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(output);
        Map<String, Long> listing = listings.computeIfAbsent(path.getParent().toString(), folder -> {
            Map<String, Long> sizes = new HashMap<>();
            try {
                org.apache.hadoop.fs.FileSystem fs = path.getFileSystem(sources.configuration());
                for (org.apache.hadoop.fs.FileStatus st : fs.listStatus(new org.apache.hadoop.fs.Path(folder))) {
                    sizes.put(st.getPath().getName(), st.getLen());
                }
            } catch (java.io.FileNotFoundException gone) {
                // the whole folder is gone: nothing of it is delivered
            } catch (IOException e) {
                throw Errors.io(folder, e);
            }
            return sizes;
        });
        Long size = listing.get(path.getName());
        return size != null && size == bytes;
    }

    /**
     * What is delivered under {@code out} already: another delivery root is another delivery, with versions and files of
     * its own.
     */
    private Existing existing(Catalog catalog, List<ShotResolver.Resolved> resolved, HadoopSources sources, String out) {
        Set<String> names = resolved.stream().map(r -> r.shot().shot()).collect(Collectors.toCollection(TreeSet::new));
        Map<String, Map<Integer, String>> versions = new HashMap<>();
        Map<String, String> ok = new HashMap<>();
        if (names.isEmpty()) {
            return new Existing(versions, ok);
        }
        String in = names.stream().map(n -> "'" + n.replace("\\", "\\\\").replace("'", "\\'") + "'").collect(Collectors.joining(","));
        Map<String, Map<String, Long>> listings = new HashMap<>();
        for (Row r : spark.sql("SELECT shot, deliverable, version, shot_parameters_hash, render_id, parameters_hash, status, output_path, bytes "
                + "FROM " + catalog.sqlName(CatalogSchema.RENDERS) + " WHERE shot IN (" + in + ") AND startswith(output_path, '"
                + (out + "/").replace("\\", "\\\\").replace("'", "\\'") + "')").collectAsList()) {
            versions.computeIfAbsent(r.getString(0) + "\u0000" + r.getString(1), k -> new HashMap<>()).put(r.getInt(2), r.getString(3));
            if ("ok".equals(r.getString(6)) && present(sources, r.getString(7), r.getLong(8), listings)) {
                ok.put(r.getString(4), r.getString(5));
            }
        }
        return new Existing(versions, ok);
    }

    /**
     * The units of one shot through one deliverable, appended to {@code units}: its version chosen (the one these exact
     * parameters made before, else the version asked for when it is free, else the next), only the files not yet
     * delivered, cut into sub-segments. Returns how many files were already delivered.
     */
    private long plan(ShotResolver.Resolved r, String pullId, Spec spec, String amfPath, String amfHash, String fdlPath, String fdlHash,
                      String out, Existing existing, List<PlateUnit> units) {
        Shot shot = r.shot();
        String cdl = cdl(shot.cdl());
        String fdl = shot.fdl() == null ? null : shot.fdl().uuid() + "/" + shot.fdl().framingDecisionId();
        List<String> frameParameters = new ArrayList<>();
        for (ShotResolver.Source s : r.frames()) {
            frameParameters.add(Ids.of(s.sourceHash(), s.frame(), spec.hash(), amfHash, fdl, fdlHash, cdl, shot.shot(), options.plate(),
                    options.hq()));
        }
        String shotParameters = Ids.of(spec.hash(), r.clipId(), r.first() - r.head(), r.last() + r.tail(), String.join(",", frameParameters));
        Map<Integer, String> versions = existing.versions().getOrDefault(shot.shot() + "\u0000" + spec.spec().name(), Map.of());
        int version = versions.entrySet().stream().filter(e -> e.getValue().equals(shotParameters)).mapToInt(Map.Entry::getKey).max()
                .orElse(versions.containsKey(shot.version()) ? versions.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1
                        : shot.version());
        if (version != shot.version() && !versions.getOrDefault(version, "").equals(shotParameters)) {
            say(String.format(Locale.ROOT, "plates: %s: v%03d of %s was delivered with other parameters: this is v%03d", shot.shot(),
                    shot.version(), spec.spec().name(), version));
        }
        String folder = out + "/" + shot.shot() + String.format(Locale.ROOT, "/v%03d/", version) + spec.spec().name();
        boolean movie = spec.spec().format().movie();
        List<PlateUnit.PlateFrame> todo = new ArrayList<>();
        long delivered = 0;
        String movieId = Ids.of(out, shot.shot(), version, spec.spec().name(), "movie");
        for (int i = 0; i < r.frames().size(); i++) {
            ShotResolver.Source s = r.frames().get(i);
            String renderId = movie ? movieId : Ids.of(out, shot.shot(), version, spec.spec().name(), s.frame() == null ? s.location() : s.frame());
            String parameters = movie ? shotParameters : frameParameters.get(i);
            if (!movie && parameters.equals(existing.okParameters().get(renderId))) {
                delivered++;
                continue;
            }
            todo.add(new PlateUnit.PlateFrame(s.location(), s.frame(), s.timecode(), s.sourceHash(), renderId, parameters, s.index()));
        }
        if (movie && shotParameters.equals(existing.okParameters().get(movieId))) {
            return 1;
        }
        for (List<PlateUnit.PlateFrame> segment : movie ? List.of(todo) : segments(todo, options.segmentFrames(), parallelism())) {
            if (!segment.isEmpty()) {
                units.add(new PlateUnit(pullId, shot.shot(), r.clipId(), r.clipName(), version, spec.spec().name(), spec.bytes(), spec.name(),
                        spec.hash(), amfPath, amfHash, fdl, fdlPath, fdlHash, cdl, options.plate(), options.hq(), shotParameters, folder, movie,
                        List.copyOf(segment)));
            }
        }
        return delivered;
    }

    private int parallelism() {
        return spark.sparkContext().defaultParallelism();
    }

    /**
     * A shot's frames in sub-segments of at most {@code most} frames, of equal sizes, as many as a multiple of the
     * cluster's cores (when the shot has the frames): a 200-frame shot on 2 cores is 10 tasks of 20, not 8 of 24 and
     * one of 8 that leaves a core idle at the end.
     */
    static List<List<PlateUnit.PlateFrame>> segments(List<PlateUnit.PlateFrame> frames, int most, int cores) {
        int n = frames.size();
        if (n == 0) {
            return List.of();
        }
        int count = (n + most - 1) / most;
        count = Math.min(n, (count + cores - 1) / cores * cores);
        List<List<PlateUnit.PlateFrame>> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(frames.subList((int) ((long) n * i / count), (int) ((long) n * (i + 1) / count)));
        }
        return out;
    }

    private static String cdl(Shot.Cdl c) {
        if (c == null) {
            return null;
        }
        return String.format(Locale.ROOT, "slope %s offset %s power %s sat %s", numbers(c.slope()), numbers(c.offset()), numbers(c.power()),
                c.saturation());
    }

    private static String numbers(double[] v) {
        return java.util.Arrays.stream(v).mapToObj(Double::toString).collect(Collectors.joining(" "));
    }

    /** The units on the executors, one task each; their rows collected, so the MERGE never runs a render twice. */
    private List<Row> render(List<PlateUnit> units, HadoopSources sources, String platesId, PlatesProgress progress) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        PlateRendering.InjectedFailure inject = PlateRendering.InjectedFailure.of(spark.conf().get(INJECT_FAILURE, ""));
        var done = progress.framesDone;
        var failures = progress.failures;
        // Largest first: the long sub-segments start early and the short ones fill the cores at the end.
        List<PlateUnit> ordered = units.stream().sorted(java.util.Comparator.comparingInt((PlateUnit u) -> -u.frames().size())).toList();
        return jsc.parallelize(ordered, ordered.size())
                .mapPartitions(partition -> PlateRendering.render(partition, sources, platesId, inject, done, failures))
                .collect();
    }

    private static Row pullRow(String pullId, String pullUri, String pullHash, ShotResolver.Resolved r, String status, String message,
                               Shot shot, String platesId) {
        return RowFactory.create(pullId, pullUri, pullHash, shot == null ? null : shot.origin(), shot == null ? null : shot.shot(),
                shot == null ? null : shot.clip(), shot == null ? null : shot.reel(), shot == null || shot.in() == null ? null : shot.in().toString(),
                shot == null || shot.last() == null ? null : shot.last().toString(), shot == null ? null : shot.handles(), status, message,
                r == null ? null : r.clipId(), r == null ? null : r.first(), r == null ? null : r.last(), r == null || r.first() == null ? null : r.head(),
                r == null || r.first() == null ? null : r.tail(), r == null ? null : (long) r.frames().size(),
                r == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(r.missing()).toSeq(),
                shot == null ? null : shot.amf(), shot == null || shot.fdl() == null ? null : shot.fdl().uuid() + "/" + shot.fdl().framingDecisionId(),
                shot == null ? null : cdl(shot.cdl()), shot == null ? null : shot.deliverable(), shot == null ? null : shot.version(), platesId,
                new Timestamp(System.currentTimeMillis()));
    }

    /**
     * Each shot version this run wrote to: its AMF beside the deliverables, and an ASC MHL generation over everything
     * delivered there (local deliveries; object stores get their MHL when the package is pulled to disk).
     */
    private void packages(List<PlateUnit> units, List<Row> rows) throws IOException {
        Map<String, PlateUnit> versions = new LinkedHashMap<>();
        Map<String, List<PlateUnit>> byVersion = new LinkedHashMap<>();
        for (PlateUnit u : units) {
            String version = u.folder().substring(0, u.folder().lastIndexOf('/'));
            versions.putIfAbsent(version, u);
            byVersion.computeIfAbsent(version, k -> new ArrayList<>()).add(u);
        }
        for (Map.Entry<String, PlateUnit> e : versions.entrySet()) {
            java.net.URI uri = new org.apache.hadoop.fs.Path(e.getKey()).toUri();
            if (uri.getScheme() != null && !uri.getScheme().equals("file")) {
                continue;
            }
            Path folder = Path.of(uri.getPath());
            if (!Files.isDirectory(folder)) {
                continue; // nothing was written there (every frame failed)
            }
            removeLeftovers(folder);
            PlateUnit u = e.getValue();
            if (u.amf() != null) {
                io.rushes.engine.io.FileByteSink amf = new io.rushes.engine.io.FileByteSink(folder.resolve(u.shot() + ".amf"));
                byte[] bytes = Files.readAllBytes(Path.of(u.amf()));
                amf.write(o -> o.write(bytes));
            }
            if (u.fdlPath() != null) {
                fdlPackage(folder, byVersion.get(e.getKey()), u);
            }
            MhlWriter.Sealed sealed = MhlWriter.seal(folder, HashAlgorithm.XXH128, Instant.now(), "rushes", EngineVersion.VERSION,
                    java.net.InetAddress.getLoopbackAddress().getHostName());
            say("plates: " + u.shot() + String.format(Locale.ROOT, " v%03d", u.version()) + ": " + sealed.files() + " files sealed in "
                    + sealed.generation());
        }
    }

    /**
     * Deletes the hidden aside files a killed task leaves ({@code .NAME.RANDOM.partial}: never under a final name), so
     * the package and its MHL hold only committed files. Runs after every task of the run has ended.
     */
    private void removeLeftovers(Path folder) throws IOException {
        List<Path> leftovers;
        try (var walk = Files.walk(folder, 4)) {
            leftovers = walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.getFileName().toString().matches("\\..+\\.[0-9a-f]{1,16}\\.partial")).toList();
        }
        for (Path p : leftovers) {
            Files.deleteIfExists(p);
            say("plates: removed " + p + ", left by a task that was stopped while writing it");
        }
    }

    /**
     * The shot's FDL beside its deliverables, and for each deliverable framed by a canvas template the FDL of what was
     * delivered: the new canvas the template made ({@code SHOT.TEMPLATE.fdl}).
     */
    private static void fdlPackage(Path folder, List<PlateUnit> units, PlateUnit first) throws IOException {
        byte[] source = Files.readAllBytes(Path.of(first.fdlPath()));
        new io.rushes.engine.io.FileByteSink(folder.resolve(first.shot() + ".fdl")).write(o -> o.write(source));
        Set<String> templates = new TreeSet<>();
        for (PlateUnit u : units) {
            String template = DeliverableSpecReader.load(u.specBytes(), u.specName()).canvasTemplate();
            if (template != null && templates.add(template)) {
                byte[] delivered = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsBytes(ShotFraming.apply(u.fdlPath(), u.fdl(), template).result());
                new io.rushes.engine.io.FileByteSink(folder.resolve(u.shot() + "." + template + ".fdl")).write(o -> o.write(delivered));
            }
        }
    }

    /** The FDL files of --fdl-folder by uuid, read once; a shot names its FDL by uuid (fdl_uuid, FDL comments, ALE columns). */
    private final class FdlFolder {
        private final String folder;
        private Map<String, Path> byUuid;

        FdlFolder(String folder) {
            this.folder = folder;
        }

        Path find(Shot shot) {
            if (folder == null) {
                throw Errors.invalidArgument("shot " + shot.shot() + " names the FDL " + shot.fdl().uuid() + ", and no --fdl-folder holds FDLs",
                        "Give --fdl-folder, the folder of the show's FDL files").inFile(shot.origin());
            }
            if (byUuid == null) {
                byUuid = new HashMap<>();
                try (var files = Files.list(Path.of(folder))) {
                    for (Path p : files.filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".fdl")).sorted().toList()) {
                        try {
                            byUuid.putIfAbsent(io.rushes.engine.fdl.FdlReader.loadForUse(
                                    Documents.read(p, io.rushes.engine.fdl.FdlReader.MAX_BYTES, "FDL"), p.toString()).fdl().uuid(), p);
                        } catch (RushesException e) {
                            say("plates: skipping " + p + ": " + e.getMessage());
                        }
                    }
                } catch (IOException e) {
                    throw Errors.io(folder, e);
                }
            }
            Path found = byUuid.get(shot.fdl().uuid());
            if (found == null) {
                throw Errors.notFound(shot.origin(), "shot " + shot.shot() + ": no FDL in " + folder + " has the uuid " + shot.fdl().uuid(),
                        "Put the shot's FDL in --fdl-folder, or correct the uuid in the pull list");
            }
            return found;
        }
    }
}
