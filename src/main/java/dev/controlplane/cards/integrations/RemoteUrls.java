package dev.controlplane.cards.integrations;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Remote URLs made safe to show: credentials embedded in them never leave the machine. */
final class RemoteUrls {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*://)(.*)$", Pattern.DOTALL);

    private RemoteUrls() {
    }

    /**
     * Drops the userinfo of a URL with a scheme ({@code https://user:token@host/x} → {@code https://host/x},
     * {@code ssh://git@host/x} → {@code ssh://host/x}), and its query and fragment, where a token can also
     * hide ({@code ?access_token=…}). scp-like {@code git@host:path} has no password and is kept as it is.
     */
    static String withoutCredentials(String url) {
        if (url == null) {
            return null;
        }
        String trimmed = url.trim();
        Matcher scheme = SCHEME.matcher(trimmed);
        if (!scheme.matches()) {
            return trimmed;
        }
        String rest = scheme.group(2);
        // The authority ends at the first '/' only: a password may hold '?' or '#', and cutting there first
        // would leave half of it in the output.
        int slash = rest.indexOf('/');
        int authorityEnd = slash < 0 ? rest.length() : slash;
        int at = rest.lastIndexOf('@', authorityEnd - 1);
        if (at < 0) {
            // A password holding an unescaped '/' ends the authority early: "user:ab/cd@host". If a ':' that
            // is not a port separator comes before the first '/' and an '@' follows, that is still userinfo.
            int colon = rest.indexOf(':');
            int firstAt = rest.indexOf('@');
            if (colon >= 0 && colon < authorityEnd && firstAt > authorityEnd
                    && !rest.substring(colon + 1, authorityEnd).matches("\\d*")) {
                at = firstAt;
            }
        }
        String hostAndPath = rest.substring(at + 1);
        return scheme.group(1) + hostAndPath.substring(0, indexOfAny(hostAndPath, "?#"));
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
