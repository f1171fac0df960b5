package dev.controlplane.api;

/** Parses boolean query flags strictly: a typo gets a clear 400 instead of being read as "no". */
final class Flags {
    private Flags() {
    }

    static boolean parse(String name, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "yes" -> true;
            case "0", "false", "no" -> false;
            default -> throw new BadInputException("'" + name + "' must be 1 or 0 (got '" + abbreviate(value) + "')");
        };
    }

    static String abbreviate(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
