package dev.controlplane.project.manifests;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code go.mod}: the modules in {@code require} lines and blocks. Requirements marked {@code // indirect} are
 * left out: since Go 1.17 go.mod records every transitive module, and the cards list what the project itself
 * declares. {@code replace}, {@code exclude}, {@code retract}, {@code tool} and {@code godebug} declare nothing new.
 */
final class GoModParser {
    private static final Pattern REQUIREMENT = Pattern.compile("^(\\S+)\\s+(\\S+)$");
    private static final Pattern BLOCK_START = Pattern.compile("^(\\w+)\\s*\\($");

    private GoModParser() {
    }

    static PackageManager parse(Path file, ManifestReading reading) {
        String text = reading.text(file);
        if (text == null) {
            return PackageManager.GO;
        }
        boolean hasModule = false;
        String block = null;
        for (String raw : text.split("\\r?\\n")) {
            int comment = raw.indexOf("//");
            boolean indirect = comment >= 0 && raw.substring(comment).contains("indirect");
            String line = (comment >= 0 ? raw.substring(0, comment) : raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            if (block != null) {
                if (line.equals(")")) {
                    block = null;
                } else if (block.equals("require")) {
                    require(file, line, indirect, reading);
                }
                continue;
            }
            Matcher start = BLOCK_START.matcher(line);
            if (start.matches()) {
                block = start.group(1);
            } else if (line.startsWith("module ") || line.startsWith("module\t")) {
                hasModule = true;
            } else if (line.startsWith("require ") || line.startsWith("require\t")) {
                require(file, line.substring("require".length()).trim(), indirect, reading);
            }
        }
        if (!hasModule) {
            reading.warn(file, "no module directive");
        }
        return PackageManager.GO;
    }

    private static void require(Path file, String line, boolean indirect, ManifestReading reading) {
        Matcher m = REQUIREMENT.matcher(line);
        if (!m.matches()) {
            reading.warn(file, "malformed require line");
        } else if (!indirect) {
            String module = m.group(1).replace("\"", "");
            reading.add(module, m.group(2), false, PackageManager.GO, file);
        }
    }
}
