package dev.controlplane.project.files;

import java.util.regex.Pattern;

/**
 * Module and resource references (Terraform module sources, Kustomize remote resources) may carry credentials
 * ({@code git::https://user:token@host/repo.git}); those must never reach the card's output.
 */
public final class SourceUrls {
    /** {@code scheme://userinfo@} — the userinfo ends at the last '@' before the first '/' of the authority. */
    private static final Pattern USERINFO = Pattern.compile("(://)[^/?#\\s]*@");
    private static final Pattern SECRET_QUERY = Pattern.compile(
            "([?&](?:access_token|token|private_token|password|sshkey|x-amz-security-token|sig)=)[^&#\\s]*",
            Pattern.CASE_INSENSITIVE);

    private SourceUrls() {
    }

    /** The reference with any {@code user:password@} and token-like query values removed. */
    public static String withoutCredentials(String source) {
        if (source == null) {
            return "";
        }
        String cleaned = USERINFO.matcher(source).replaceAll("$1");
        return SECRET_QUERY.matcher(cleaned).replaceAll("$1***");
    }

    /** Whether the reference points outside the project (a URL or a registry/VCS address, not a path). */
    public static boolean isRemote(String source) {
        return source.contains("://") || source.contains("::") || source.startsWith("git@")
                || source.startsWith("github.com/") || source.startsWith("bitbucket.org/");
    }
}
