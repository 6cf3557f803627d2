package io.rushes.jobs.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * A real S3-compatible server for tests: S3Proxy with its filesystem backend, in its own JVM (its
 * classpath comes from the s3-test-server module), on 127.0.0.1 and a free port. Buckets are folders
 * under {@code root}.
 */
public final class S3ProxyServer implements AutoCloseable {
    public static final String ACCESS_KEY = "rushes-test-access";
    public static final String SECRET_KEY = "rushes-test-secret-do-not-log";

    private final Process process;
    private final int port;
    private final Path root;

    private S3ProxyServer(Process process, int port, Path root) {
        this.process = process;
        this.port = port;
        this.root = root;
    }

    public static S3ProxyServer start(Path dir, String... buckets) throws IOException, InterruptedException {
        String classpathFile = System.getProperty("rushes.s3proxy.classpath");
        if (classpathFile == null || !Files.isRegularFile(Path.of(classpathFile))) {
            throw new IllegalStateException("S3Proxy classpath not found at " + classpathFile + ": build the s3-test-server module first");
        }
        Path root = Files.createDirectories(dir.resolve("s3-data"));
        for (String b : buckets) {
            Files.createDirectories(root.resolve(b));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path props = dir.resolve("s3proxy.conf");
        Files.write(props, List.of(
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + root));
        Path logback = dir.resolve("s3proxy-logback.xml");
        Files.writeString(logback, "<configuration><root level=\"WARN\"/></configuration>");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=" + logback, "-cp", Files.readString(Path.of(classpathFile)).strip(),
                "org.gaul.s3proxy.Main", "--properties", props.toString());
        pb.redirectErrorStream(true).redirectOutput(new File(dir.toFile(), "s3proxy.log"));
        S3ProxyServer server = new S3ProxyServer(pb.start(), port, root);
        server.awaitListening();
        return server;
    }

    private void awaitListening() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("S3Proxy exited with " + process.exitValue() + ": see s3proxy.log");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IOException("S3Proxy did not listen on port " + port + " within 60 s");
    }

    /** S3A settings for this server: path-style, plain HTTP, keys from configuration. */
    public void configure(Configuration conf) {
        conf.set("fs.s3a.endpoint", "http://127.0.0.1:" + port);
        conf.set("fs.s3a.endpoint.region", "us-east-1");
        conf.set("fs.s3a.path.style.access", "true");
        conf.set("fs.s3a.connection.ssl.enabled", "false");
        conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        conf.set("fs.s3a.access.key", ACCESS_KEY);
        conf.set("fs.s3a.secret.key", SECRET_KEY);
        conf.set("fs.s3a.attempts.maximum", "2");
        conf.set("fs.s3a.retry.limit", "2");
    }

    public Path root() {
        return root;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
