package dev.controlplane.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Kotlin, Python, JavaScript/TypeScript and Go files from their text: import statements, function and type
 * declarations, and per function its length, block nesting (braces; indentation for Python), parameters and
 * decision keywords. A heuristic, line based and linear: good enough to rank files, never a parser.
 */
public final class ScriptSourceStats {
    private static final Pattern KT_IMPORT = Pattern.compile("^\\s*import\\s+([\\w.]+(?:\\.\\*)?)");
    private static final Pattern KT_PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)");
    private static final Pattern KT_FUN = Pattern.compile("\\bfun\\s+(?:<[^>]*>\\s*)?(?:[\\w.<>?]+\\.)?(\\w+)\\s*\\(");
    private static final Pattern KT_TYPE = Pattern.compile("\\b(?:class|interface|object)\\s+(\\w+)");
    private static final Pattern PY_IMPORT = Pattern.compile("^\\s*import\\s+([\\w.]+(?:\\s*,\\s*[\\w.]+)*)");
    private static final Pattern PY_FROM = Pattern.compile("^\\s*from\\s+(\\.*[\\w.]*)\\s+import\\b");
    private static final Pattern PY_DEF = Pattern.compile("^(\\s*)(?:async\\s+)?def\\s+(\\w+)\\s*\\(");
    private static final Pattern PY_CLASS = Pattern.compile("^\\s*class\\s+(\\w+)");
    private static final Pattern JS_IMPORT = Pattern.compile(
            "(?:\\bimport\\s*(?:[\\w*{}\\s,$]+\\s*from\\s*)?|\\bexport\\s+[\\w*{}\\s,$]+\\s*from\\s*|\\brequire\\s*\\(\\s*)['\"]([^'\"]+)['\"]");
    private static final Pattern JS_FUN = Pattern.compile(
            "\\bfunction\\s*\\*?\\s*([\\w$]+)\\s*\\(|\\b(?:const|let|var)\\s+([\\w$]+)\\s*=\\s*(?:async\\s*)?(?:\\([^)]*\\)|[\\w$]+)\\s*(?::\\s*[^=]+)?=>|^\\s*(?:(?:public|private|protected|static|async|readonly)\\s+)*([\\w$]+)\\s*\\([^)]*\\)\\s*(?::\\s*[^{]+)?\\{");
    private static final Pattern JS_TYPE = Pattern.compile("\\b(?:class|interface)\\s+([\\w$]+)");
    private static final Pattern GO_IMPORT_ONE = Pattern.compile("^\\s*import\\s+(?:\\w+\\s+)?\"([^\"]+)\"");
    private static final Pattern GO_IMPORT_LINE = Pattern.compile("^\\s*(?:[\\w.]+\\s+)?\"([^\"]+)\"");
    private static final Pattern GO_PACKAGE = Pattern.compile("^\\s*package\\s+(\\w+)");
    private static final Pattern GO_FUNC = Pattern.compile("^func\\s+(?:\\([^)]*\\)\\s*)?(\\w+)\\s*[\\[(]");
    private static final Pattern GO_TYPE = Pattern.compile("^type\\s+(\\w+)\\s+(?:struct|interface)\\b");
    private static final Pattern DECISIONS = Pattern.compile(
            "\\b(?:if|elif|for|while|case|catch|except|when)\\b|&&|\\|\\||\\?\\?|\\band\\b|\\bor\\b");
    private static final Set<String> NOT_FUNCTIONS = Set.of("if", "for", "while", "switch", "catch", "function",
            "return", "with", "else", "do", "try", "constructor");

    private ScriptSourceStats() {
    }

    public static FileFacts read(SourceFile file, String text) {
        String[] raw = text.split("\n", -1);
        String[] code = Code.strip(raw, file.language());
        List<String> imports = new ArrayList<>();
        List<FileFacts.Symbol> types = new ArrayList<>();
        List<FileFacts.Function> functions = new ArrayList<>();
        String pkg = "";
        boolean goImportBlock = false;
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            switch (file.language()) {
                case "kotlin" -> {
                    pkg = pkg.isEmpty() ? group(KT_PACKAGE, line, 1) : pkg;
                    add(imports, group(KT_IMPORT, line, 1));
                    add(types, KT_TYPE, code[i], i);
                    String name = group(KT_FUN, code[i], 1);
                    if (!name.isEmpty()) {
                        functions.add(braced(name, code, i));
                    }
                }
                case "python" -> {
                    Matcher imp = PY_IMPORT.matcher(line);
                    if (imp.find()) {
                        for (String part : imp.group(1).split(",")) {
                            add(imports, part.trim());
                        }
                    }
                    add(imports, group(PY_FROM, line, 1));
                    add(types, PY_CLASS, code[i], i);
                    Matcher def = PY_DEF.matcher(code[i]);
                    if (def.find()) {
                        functions.add(indented(def.group(2), def.group(1).length(), code, i));
                    }
                }
                case "go" -> {
                    pkg = pkg.isEmpty() ? group(GO_PACKAGE, line, 1) : pkg;
                    if (line.trim().startsWith("import (")) {
                        goImportBlock = true;
                    } else if (goImportBlock) {
                        goImportBlock = !line.trim().startsWith(")");
                        add(imports, goImportBlock ? group(GO_IMPORT_LINE, line, 1) : "");
                    } else {
                        add(imports, group(GO_IMPORT_ONE, line, 1));
                    }
                    add(types, GO_TYPE, code[i], i);
                    String name = group(GO_FUNC, code[i], 1);
                    if (!name.isEmpty()) {
                        functions.add(braced(name, code, i));
                    }
                }
                default -> { // javascript, typescript
                    Matcher imp = JS_IMPORT.matcher(line);
                    while (imp.find()) {
                        add(imports, imp.group(1));
                    }
                    add(types, JS_TYPE, code[i], i);
                    Matcher fun = JS_FUN.matcher(code[i]);
                    if (fun.find()) {
                        String name = fun.group(1) != null ? fun.group(1) : fun.group(2) != null ? fun.group(2) : fun.group(3);
                        if (name != null && !NOT_FUNCTIONS.contains(name)) {
                            functions.add(braced(name, code, i));
                        }
                    }
                }
            }
        }
        return new FileFacts(file, FileFacts.countLines(text), functions, types, imports, pkg, FileFacts.countTodo(text),
                true);
    }

    /** A brace-delimited function starting on line {@code start}: it ends where its first brace closes. */
    private static FileFacts.Function braced(String name, String[] code, int start) {
        int depth = 0;
        int max = 0;
        boolean opened = false;
        int end = start;
        int complexity = 1;
        for (int i = start; i < code.length; i++) {
            String line = code[i];
            complexity += i == start ? 0 : decisions(line);
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (ch == '{') {
                    depth++;
                    opened = true;
                    max = Math.max(max, depth);
                } else if (ch == '}') {
                    depth--;
                }
            }
            end = i;
            if (opened && depth <= 0) {
                break;
            }
            if (!opened && i > start + 3) {
                break; // a declaration without a body (interface, abstract, expression body)
            }
        }
        return new FileFacts.Function(name, start + 1, end - start + 1, Math.max(0, max - 1), params(code[start]),
                complexity, false);
    }

    /** A Python function: it ends before the next non-blank line indented no deeper than its {@code def}. */
    private static FileFacts.Function indented(String name, int indent, String[] code, int start) {
        int end = start;
        int unit = 0;
        int max = 0;
        int complexity = 1;
        for (int i = start + 1; i < code.length; i++) {
            String line = code[i];
            if (line.isBlank()) {
                continue;
            }
            int level = leading(line);
            if (level <= indent) {
                break;
            }
            if (unit == 0) {
                unit = level - indent;
            }
            max = Math.max(max, (level - indent) / Math.max(1, unit) - 1);
            complexity += decisions(line);
            end = i;
        }
        int params = params(code[start]);
        String head = code[start];
        if (head.matches(".*\\(\\s*(self|cls)\\b.*")) {
            params = Math.max(0, params - 1);
        }
        return new FileFacts.Function(name, start + 1, end - start + 1, max, params, complexity, false);
    }

    private static int decisions(String line) {
        Matcher matcher = DECISIONS.matcher(line);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    /** Parameters in the first parenthesised list of a declaration line (top-level commas). */
    static int params(String line) {
        int open = line.indexOf('(');
        if (open < 0) {
            return 0;
        }
        int depth = 0;
        int commas = 0;
        boolean any = false;
        for (int i = open + 1; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '(' || ch == '[' || ch == '{' || ch == '<') {
                depth++;
            } else if (ch == ')' || ch == ']' || ch == '}' || ch == '>') {
                if (depth == 0 && ch == ')') {
                    break;
                }
                depth = Math.max(0, depth - 1);
            } else if (ch == ',' && depth == 0) {
                commas++;
            } else if (!Character.isWhitespace(ch)) {
                any = true;
            }
        }
        return any ? commas + 1 : 0;
    }

    private static int leading(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '\t')) {
            n++;
        }
        return n;
    }

    private static String group(Pattern pattern, String line, int group) {
        Matcher matcher = pattern.matcher(line);
        return matcher.find() && matcher.group(group) != null ? matcher.group(group) : "";
    }

    private static void add(List<String> list, String value) {
        if (!value.isEmpty()) {
            list.add(value);
        }
    }

    private static void add(List<FileFacts.Symbol> types, Pattern pattern, String line, int index) {
        String name = group(pattern, line, 1);
        if (!name.isEmpty()) {
            types.add(new FileFacts.Symbol(name, index + 1));
        }
    }

    /** Blanks out string literals and comments, so braces and keywords inside them are not counted. */
    static final class Code {
        private Code() {
        }

        static String[] strip(String[] lines, String language) {
            boolean hash = "python".equals(language);
            String[] out = new String[lines.length];
            boolean block = false;
            for (int n = 0; n < lines.length; n++) {
                String line = lines[n];
                StringBuilder kept = new StringBuilder(line.length());
                char quote = 0;
                for (int i = 0; i < line.length(); i++) {
                    char ch = line.charAt(i);
                    char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
                    if (block) {
                        if (ch == '*' && next == '/') {
                            block = false;
                            i++;
                        }
                        kept.append(' ');
                    } else if (quote != 0) {
                        if (ch == '\\') {
                            i++;
                        } else if (ch == quote) {
                            quote = 0;
                        }
                        kept.append(' ');
                    } else if (ch == '"' || ch == '\'' || ch == '`') {
                        quote = ch;
                        kept.append(' ');
                    } else if (hash && ch == '#' || !hash && ch == '/' && next == '/') {
                        break;
                    } else if (!hash && ch == '/' && next == '*') {
                        block = true;
                        i++;
                        kept.append(' ');
                    } else {
                        kept.append(ch);
                    }
                }
                out[n] = kept.toString();
            }
            return out;
        }
    }
}
