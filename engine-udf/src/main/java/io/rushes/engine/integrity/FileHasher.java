package io.rushes.engine.integrity;

import com.dynatrace.hash4j.hashing.HashStream128;
import com.dynatrace.hash4j.hashing.HashStream64;
import com.dynatrace.hash4j.hashing.HashValue128;
import com.dynatrace.hash4j.hashing.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Streams a file once and computes any set of {@link HashAlgorithm}s over it. xxHash comes from hash4j
 * (XXH64 and XXH3 streaming); MD5, SHA-1 and the SHA-512 behind C4 ids from the JDK. Output spelling is
 * ASC MHL's: lower-case hex, big-endian (xxh128 high half first, as xxhsum prints it), C4 as base58.
 */
public final class FileHasher {
    private static final int BUFFER = 1 << 20;
    private static final int SMALL_BUFFER = 1 << 13;
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private FileHasher() {
    }

    public static Map<HashAlgorithm, String> hash(InputStream in, Set<HashAlgorithm> algorithms) throws IOException {
        return hash(in, algorithms, BUFFER);
    }

    /**
     * As {@link #hash(InputStream, Set)}, reading through a buffer no larger than the file: hashing hundreds of
     * thousands of small files then does not allocate a megabyte for each.
     */
    public static Map<HashAlgorithm, String> hash(InputStream in, Set<HashAlgorithm> algorithms, long size) throws IOException {
        HashStream64 xxh64 = algorithms.contains(HashAlgorithm.XXH64) ? Hashing.xxh64().hashStream() : null;
        HashStream64 xxh3 = algorithms.contains(HashAlgorithm.XXH3) ? Hashing.xxh3_64().hashStream() : null;
        HashStream128 xxh128 = algorithms.contains(HashAlgorithm.XXH128) ? Hashing.xxh3_128().hashStream() : null;
        MessageDigest md5 = algorithms.contains(HashAlgorithm.MD5) ? digest("MD5") : null;
        MessageDigest sha1 = algorithms.contains(HashAlgorithm.SHA1) ? digest("SHA-1") : null;
        MessageDigest sha512 = algorithms.contains(HashAlgorithm.C4) ? digest("SHA-512") : null;
        byte[] buffer = new byte[(int) Math.max(SMALL_BUFFER, Math.min(BUFFER, size))];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (xxh64 != null) {
                xxh64.putBytes(buffer, 0, n);
            }
            if (xxh3 != null) {
                xxh3.putBytes(buffer, 0, n);
            }
            if (xxh128 != null) {
                xxh128.putBytes(buffer, 0, n);
            }
            if (md5 != null) {
                md5.update(buffer, 0, n);
            }
            if (sha1 != null) {
                sha1.update(buffer, 0, n);
            }
            if (sha512 != null) {
                sha512.update(buffer, 0, n);
            }
        }
        Map<HashAlgorithm, String> out = new EnumMap<>(HashAlgorithm.class);
        if (xxh64 != null) {
            out.put(HashAlgorithm.XXH64, hex64(xxh64.getAsLong()));
        }
        if (xxh3 != null) {
            out.put(HashAlgorithm.XXH3, hex64(xxh3.getAsLong()));
        }
        if (xxh128 != null) {
            HashValue128 v = xxh128.get();
            out.put(HashAlgorithm.XXH128, hex64(v.getMostSignificantBits()) + hex64(v.getLeastSignificantBits()));
        }
        if (md5 != null) {
            out.put(HashAlgorithm.MD5, HexFormat.of().formatHex(md5.digest()));
        }
        if (sha1 != null) {
            out.put(HashAlgorithm.SHA1, HexFormat.of().formatHex(sha1.digest()));
        }
        if (sha512 != null) {
            out.put(HashAlgorithm.C4, c4(sha512.digest()));
        }
        return out;
    }

    public static String hash(byte[] data, HashAlgorithm algorithm) {
        try {
            return hash(new java.io.ByteArrayInputStream(data), Set.of(algorithm)).get(algorithm);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream failed", e);
        }
    }

    private static String hex64(long v) {
        return String.format(Locale.ROOT, "%016x", v);
    }

    /** C4 id (SMPTE ST 2114): "c4" then the SHA-512 digest in base58, padded with '1' to 88 characters. */
    public static String c4(byte[] sha512) {
        BigInteger value = new BigInteger(1, sha512);
        BigInteger base = BigInteger.valueOf(58);
        char[] out = new char[88];
        java.util.Arrays.fill(out, '1');
        int i = out.length - 1;
        while (value.signum() > 0 && i >= 0) {
            BigInteger[] qr = value.divideAndRemainder(base);
            out[i--] = BASE58.charAt(qr[1].intValue());
            value = qr[0];
        }
        return "c4" + new String(out);
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is part of every JDK", e);
        }
    }
}
