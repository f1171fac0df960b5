package dev.controlplane.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

import dev.controlplane.project.files.SecretRule;

/**
 * Masks what the security card would report as a secret in a line of job output, before the line is stored
 * or sent: a test that prints its configuration must not put a token on every open tab. The whole secret part
 * of a match is replaced (no preview: the log is kept, a finding is not). One instance per job: the body of a
 * private key printed between its BEGIN and END lines is masked as a whole.
 */
final class SecretMask {
    static final String MASK = "****";
    private boolean inPrivateKey;

    /** The line with every secret replaced by {@link #MASK}. */
    String apply(String line) {
        if (inPrivateKey) {
            if (line.contains("-----END ") && line.contains("PRIVATE KEY")) {
                inPrivateKey = false;
                return line.substring(line.indexOf("-----END "));
            }
            return MASK;
        }
        String masked = mask(line);
        if (line.contains("-----BEGIN ") && line.contains("PRIVATE KEY") && !line.contains("-----END ")) {
            inPrivateKey = true;
        }
        return masked;
    }

    static String mask(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        String current = line;
        for (SecretRule rule : SecretRule.ALL) {
            if (!rule.mayMatch(lower)) {
                continue;
            }
            current = maskRule(current, rule);
            lower = current.toLowerCase(Locale.ROOT);
        }
        return current;
    }

    private static String maskRule(String line, SecretRule rule) {
        Matcher m = rule.regex().matcher(line);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            int group = secretGroup(m, rule.secretGroup());
            if (m.start(group) >= 0) {
                spans.add(new int[] { m.start(group), m.end(group) });
            }
        }
        if (spans.isEmpty()) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        int at = 0;
        for (int[] span : spans) {
            out.append(line, at, span[0]).append(MASK);
            at = span[1];
        }
        return out.append(line, at, line.length()).toString();
    }

    /** The group holding the secret; -1 means the first group that took part in the match. */
    private static int secretGroup(Matcher m, int group) {
        if (group >= 0) {
            return group;
        }
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.start(g) >= 0) {
                return g;
            }
        }
        return 0;
    }
}
