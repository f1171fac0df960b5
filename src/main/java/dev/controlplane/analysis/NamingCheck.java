package dev.controlplane.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether declared names follow their language's convention: Java/Kotlin camelCase methods and PascalCase
 * types; Python snake_case functions (dunders allowed) and PascalCase classes; JS/TS camelCase functions and
 * PascalCase classes; Go MixedCaps without underscores. Constructors carry their type's name and are skipped.
 */
public final class NamingCheck {
    private static final Pattern CAMEL = Pattern.compile("[_$]*[a-z][A-Za-z0-9]*");
    private static final Pattern PASCAL = Pattern.compile("_?[A-Z][A-Za-z0-9]*");
    private static final Pattern SNAKE = Pattern.compile("_{0,2}[a-z][a-z0-9_]*");
    private static final Pattern MIXED = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    public record Violation(String file, String symbol, String expected) {
    }

    /** @param violations the first violations in file order, at most the accumulator's {@code keep} */
    public record Result(int totalSymbols, int consistent, List<Violation> violations) {
        public double consistencyScore() {
            return totalSymbols == 0 ? 1 : Math.round(1000.0 * consistent / totalSymbols) / 1000.0;
        }
    }

    private NamingCheck() {
    }

    public static Result check(List<FileFacts> files) {
        Accumulator accumulator = new Accumulator(Integer.MAX_VALUE);
        files.forEach(accumulator::add);
        return accumulator.result();
    }

    /** The check of files handed in one at a time, keeping the first {@code keep} violations and counts. */
    public static final class Accumulator {
        private final int keep;
        private final List<Violation> violations = new ArrayList<>();
        private int total;
        private int violating;

        public Accumulator(int keep) {
            this.keep = keep;
        }

        public void add(FileFacts file) {
            String language = file.file().language();
            for (FileFacts.Symbol type : file.types()) {
                total++;
                if (!PASCAL.matcher(type.name()).matches()) {
                    violation(new Violation(file.file().rel(), type.name(), "PascalCase"));
                }
            }
            for (FileFacts.Function function : file.functions()) {
                if (function.constructor()) {
                    continue;
                }
                total++;
                String expected = switch (language) {
                    case "python" -> "snake_case";
                    case "go" -> "MixedCaps";
                    default -> "camelCase";
                };
                Pattern pattern = switch (language) {
                    case "python" -> SNAKE;
                    case "go" -> MIXED;
                    default -> CAMEL;
                };
                if (!pattern.matcher(function.name()).matches()) {
                    violation(new Violation(file.file().rel(), function.name(), expected));
                }
            }
        }

        private void violation(Violation violation) {
            violating++;
            if (violations.size() < keep) {
                violations.add(violation);
            }
        }

        /** How many names break their convention (the result lists at most {@code keep} of them). */
        public int violationCount() {
            return violating;
        }

        public Result result() {
            return new Result(total, total - violating, List.copyOf(violations));
        }
    }
}
