package dev.controlplane.project.files;

import java.util.Locale;
import java.util.Set;

/**
 * A git remote URL taken apart without {@link java.net.URI} (which rejects many real remotes, e.g. scp-like
 * {@code git@github.com:o/n.git} or passwords with unescaped characters). Credentials are dropped while parsing,
 * so nothing built from this object can leak a token: {@code https://user:token@host/...},
 * {@code https://ghp_token@host/...} (a token as user name) and token query parameters alike.
 *
 * @param protocol {@code https}, {@code ssh}, {@code git}, {@code file} ... ({@code ssh} for scp-like syntax)
 * @param host     lower-cased host name without port, "" for a local path
 * @param port     ":port" or ""
 * @param user     the user of an scp-like or ssh URL without password ({@code git}), else ""
 * @param path     the repository path without query or fragment
 */
public record RemoteUrl(String protocol, String host, String port, String user, String path) {
    private static final Set<String> GITHUB_HOSTS = Set.of("github.com", "www.github.com", "ssh.github.com");

    public static final RemoteUrl NONE = new RemoteUrl("", "", "", "", "");

    public static RemoteUrl parse(String url) {
        String text = url == null ? "" : url.trim();
        if (text.isEmpty()) {
            return NONE;
        }
        int scheme = text.indexOf("://");
        if (scheme > 0) {
            return parseUrl(text.substring(0, scheme).toLowerCase(Locale.ROOT), text.substring(scheme + 3));
        }
        int colon = text.indexOf(':');
        int slash = text.indexOf('/');
        // scp-like "[user@]host:path": a colon before any slash; a one-letter "host" is a Windows drive.
        if (colon > 1 && (slash < 0 || colon < slash)) {
            String authority = text.substring(0, colon);
            int at = authority.lastIndexOf('@');
            String user = at < 0 ? "" : authority.substring(0, at);
            String host = authority.substring(at + 1).toLowerCase(Locale.ROOT);
            // ssh never takes a password in the URL; anything that looks like one is dropped with the user.
            return new RemoteUrl("ssh", host, "", user.contains(":") ? "" : user, stripQuery(text.substring(colon + 1)));
        }
        return new RemoteUrl("file", "", "", "", text);
    }

    private static RemoteUrl parseUrl(String protocol, String rest) {
        int slash = authorityEnd(rest);
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        if ("file".equals(protocol)) {
            return new RemoteUrl(protocol, "", "", "", path);
        }
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at);
        String hostPort = authority.substring(at + 1);
        String host = hostPort;
        String port = "";
        int portColon = hostPort.startsWith("[") ? hostPort.indexOf(':', hostPort.indexOf(']')) : hostPort.indexOf(':');
        if (portColon >= 0) {
            host = hostPort.substring(0, portColon);
            port = hostPort.substring(portColon);
        }
        // Over http(s) any user info may be a token (GitHub accepts a token as the user name): keep none.
        boolean http = protocol.contains("http");
        String user = http || userInfo.contains(":") ? "" : userInfo;
        return new RemoteUrl(protocol, host.toLowerCase(Locale.ROOT), port, user, stripQuery(path));
    }

    /**
     * Where the authority ends: at the first '/', unless that '/' sits inside a password written without
     * escaping ({@code user:ab/cd@host}) — a ':' that is no port separator, then an '@' after the '/'.
     * Cutting at the '/' would put half of the password into the path.
     */
    private static int authorityEnd(String rest) {
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return -1;
        }
        int colon = rest.indexOf(':');
        int at = rest.indexOf('@', slash);
        if (rest.lastIndexOf('@', slash) < 0 && colon >= 0 && colon < slash && at > slash
                && !rest.substring(colon + 1, slash).matches("\\d*")) {
            int next = rest.indexOf('/', at);
            return next < 0 ? rest.length() : next;
        }
        return slash;
    }

    private static String stripQuery(String path) {
        int cut = path.length();
        for (char c : new char[] {'?', '#'}) {
            int i = path.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return path.substring(0, cut);
    }

    public boolean isEmpty() {
        return protocol.isEmpty();
    }

    public boolean isGithub() {
        return GITHUB_HOSTS.contains(host) || host.endsWith(".ghe.com");
    }

    /** The host {@code gh} knows this remote by ({@code ssh.github.com} is github.com over port 443). */
    public String ghHost() {
        return host.endsWith(".ghe.com") ? host : "github.com";
    }

    /** {@code owner/name} (GitHub: the first two path segments), "" for a local path. */
    public String slug() {
        if (host.isEmpty()) {
            return "";
        }
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.endsWith(".git")) {
            p = p.substring(0, p.length() - 4);
        }
        if (isGithub()) {
            String[] parts = p.split("/");
            p = parts.length >= 2 ? parts[0] + "/" + parts[1] : "";
        }
        return p;
    }

    public String owner() {
        String slug = slug();
        int slash = slug.lastIndexOf('/');
        return slash < 0 ? "" : slug.substring(0, slash);
    }

    public String repo() {
        String slug = slug();
        return slug.substring(slug.lastIndexOf('/') + 1);
    }

    /** The URL as it can be shown: same remote, no credentials, no query. */
    public String safeUrl() {
        if (isEmpty()) {
            return "";
        }
        String userPart = user.isEmpty() ? "" : user + "@";
        if ("file".equals(protocol)) {
            return path;
        }
        if (host.isEmpty()) {
            return path;
        }
        if ("ssh".equals(protocol) && port.isEmpty() && !path.startsWith("/")) {
            return userPart + host + ":" + path; // scp-like form, as written
        }
        return protocol + "://" + userPart + host + port + path;
    }
}
