package dev.controlplane.project.manifests;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Gemfile} (a Ruby DSL, scanned line by line): {@code gem 'name', '~> 1.0', '< 2'} with its version
 * constraints; a gem is dev inside {@code group :development / :test do ... end} or with a
 * {@code group:}/{@code groups:} option naming only those groups. Other blocks ({@code platforms},
 * {@code source ... do}) keep the enclosing group.
 */
final class GemfileParser {
    private static final Pattern GEM = Pattern.compile("^gem\\s*\\(?\\s*(.+?)\\)?$");
    private static final Pattern GROUP_BLOCK = Pattern.compile("^group\\s*\\(?(.+?)\\)?\\s+do(\\s*\\|.*\\|)?$");
    private static final Pattern BLOCK_START = Pattern.compile("(^|\\s)do(\\s*\\|[^|]*\\|)?$");
    private static final Pattern GROUP_OPTION = Pattern.compile("(?:^|\\s|,):?groups?:?\\s*(?:=>)?\\s*(.+)$");
    private static final Pattern SYMBOL = Pattern.compile("[:\"']?([a-z_]+)[\"']?");
    private static final Pattern DEV_GROUPS = Pattern.compile("(?i)development|test|dev|ci|lint|rubocop");

    private GemfileParser() {
    }

    static PackageManager parse(Path file, ManifestReading reading) {
        String text = reading.text(file);
        if (text == null) {
            return PackageManager.BUNDLER;
        }
        Deque<Boolean> devBlocks = new ArrayDeque<>();
        for (String raw : text.split("\\r?\\n")) {
            String line = stripComment(raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            boolean enclosingDev = !devBlocks.isEmpty() && devBlocks.peek();
            Matcher group = GROUP_BLOCK.matcher(line);
            if (group.matches()) {
                devBlocks.push(enclosingDev || onlyDevGroups(group.group(1)));
            } else if (line.equals("end")) {
                if (devBlocks.isEmpty()) {
                    reading.warn(file, "unbalanced 'end'");
                } else {
                    devBlocks.pop();
                }
            } else if (line.startsWith("gem ") || line.startsWith("gem(") || line.startsWith("gem\t")) {
                gem(file, line, enclosingDev, reading);
            } else if (BLOCK_START.matcher(line).find()) {
                devBlocks.push(enclosingDev);
            }
        }
        return PackageManager.BUNDLER;
    }

    private static void gem(Path file, String line, boolean enclosingDev, ManifestReading reading) {
        Matcher m = GEM.matcher(line);
        if (!m.matches()) {
            return;
        }
        List<String> args = splitArguments(m.group(1));
        String name = unquote(args.get(0));
        if (name == null) {
            reading.warn(file, "a gem line has no quoted name");
            return;
        }
        List<String> versions = new ArrayList<>();
        boolean dev = enclosingDev;
        for (String arg : args.subList(1, args.size())) {
            String version = unquote(arg);
            if (version != null) {
                versions.add(version);
                continue;
            }
            Matcher option = GROUP_OPTION.matcher(arg);
            if (option.find()) {
                dev = dev || onlyDevGroups(option.group(1));
            }
        }
        reading.add(name, String.join(", ", versions), dev, PackageManager.BUNDLER, file);
    }

    /** {@code :development, :test} or {@code [:development, :test]}: true when every group is a dev group. */
    private static boolean onlyDevGroups(String groups) {
        Matcher m = SYMBOL.matcher(groups.replaceAll("%i\\[|[\\[\\]]", " "));
        boolean any = false;
        while (m.find()) {
            if (!DEV_GROUPS.matcher(m.group(1)).matches()) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** A quoted string argument's content, or null for anything else (options, symbols, constants). */
    private static String unquote(String arg) {
        String trimmed = arg.trim();
        if (trimmed.length() >= 2 && (trimmed.charAt(0) == '"' || trimmed.charAt(0) == '\'')
                && trimmed.charAt(trimmed.length() - 1) == trimmed.charAt(0)) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return null;
    }

    /** Splits on commas outside quotes and brackets ({@code platforms: [:mri, :windows]} stays one argument). */
    private static List<String> splitArguments(String text) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '(' || c == '{') {
                depth++;
            } else if (c == ']' || c == ')' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(current.toString().trim());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        args.add(current.toString().trim());
        return args;
    }

    /** Drops a {@code #} comment that is not inside a string. */
    private static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
