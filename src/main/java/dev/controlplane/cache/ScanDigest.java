package dev.controlplane.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The digests of scans and fingerprints: one SHA-256 over NUL-separated fields, shortened to 16 bytes of hex. */
final class ScanDigest {
    private ScanDigest() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    /** A scan from sorted entries; the digest depends only on them, however they were gathered. */
    static PatternScan assemble(String pattern, String[] paths, long[] sizes, long[] mtimes, List<String> directories,
            boolean truncated) {
        MessageDigest digest = sha256();
        for (int k = 0; k < paths.length; k++) {
            update(digest, paths[k]);
            update(digest, Long.toString(sizes[k]));
            update(digest, Long.toString(mtimes[k]));
        }
        return new PatternScan(pattern, paths, sizes, mtimes, List.copyOf(directories), hex(digest), truncated);
    }
}
