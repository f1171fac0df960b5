package dev.controlplane.project.files;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The targets a person can run from a Makefile ({@code make build}), in file order. Recipe lines, variable
 * assignments ({@code :=}, {@code ::=}, {@code =}), special targets ({@code .PHONY}), pattern rules
 * ({@code %.o: %.c}), computed names ({@code $(BIN):}) and conditional/define blocks are not targets.
 */
public final class MakefileTargets {
    private static final Pattern RULE = Pattern.compile("^([^:=#\\t][^:=#]*?)\\s*::?+(?!=)(.*)$");
    private static final Pattern DIRECTIVE = Pattern.compile(
            "^\\s*(define|endef|ifeq|ifneq|ifdef|ifndef|else|endif|include|-include|sinclude|export|unexport|"
                    + "override|vpath|undefine)\\b.*");

    private MakefileTargets() {
    }

    public static List<String> parse(String text) {
        Set<String> targets = new LinkedHashSet<>();
        boolean inDefine = false;
        for (String line : logicalLines(text)) {
            if (line.startsWith("\t")) {
                continue;                           // a recipe line
            }
            String code = stripComment(line);
            if (code.isBlank()) {
                continue;
            }
            String trimmed = code.strip();
            if (trimmed.startsWith("define ") || trimmed.equals("define")) {
                inDefine = true;
                continue;
            }
            if (inDefine) {
                inDefine = !trimmed.startsWith("endef");
                continue;
            }
            if (DIRECTIVE.matcher(code).matches()) {
                continue;
            }
            Matcher rule = RULE.matcher(code);
            if (!rule.matches()) {
                continue;
            }
            for (String target : rule.group(1).trim().split("\\s+")) {
                if (!target.isEmpty() && !target.startsWith(".") && !target.contains("%") && !target.contains("$")) {
                    targets.add(target);
                }
            }
        }
        return new ArrayList<>(targets);
    }

    /** Lines with backslash continuations joined. */
    private static List<String> logicalLines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : text.replace("\r\n", "\n").split("\n", -1)) {
            if (raw.endsWith("\\")) {
                current.append(raw, 0, raw.length() - 1).append(' ');
                continue;
            }
            current.append(raw);
            lines.add(current.toString());
            current.setLength(0);
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || line.charAt(i - 1) != '\\')) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
