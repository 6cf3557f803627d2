package io.rushes.engine.integrity;

import java.util.Locale;

/** The file hashes of ASC MHL v2, by their MHL element names. */
public enum HashAlgorithm {
    XXH64("xxh64"),
    XXH3("xxh3"),
    XXH128("xxh128"),
    MD5("md5"),
    SHA1("sha1"),
    C4("c4");

    private final String mhlName;

    HashAlgorithm(String mhlName) {
        this.mhlName = mhlName;
    }

    /** Element name in an ASC MHL file, also the CLI spelling. */
    public String mhlName() {
        return mhlName;
    }

    public static HashAlgorithm fromName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (HashAlgorithm a : values()) {
            if (a.mhlName.equals(n)) {
                return a;
            }
        }
        return null;
    }
}
