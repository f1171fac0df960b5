package dev.controlplane.project.files;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One kind of secret the security card looks for.
 *
 * @param id the {@code pattern} reported with a finding
 * @param severity {@code critical}, {@code high} or {@code medium}
 * @param regex what a secret looks like
 * @param secretGroup the group holding the secret itself (0 = the whole match): the preview is cut from it and
 *        the placeholder check applies to it; -1 = the first group that took part in the match
 * @param placeholderCheck whether obvious placeholders ({@code changeme}, {@code ${VAR}}) are skipped: only for
 *        the rules whose secret part is free text (passwords), never for tokens with a fixed format
 * @param bareValueGroup a group holding an unquoted value (0 = none): in source code an unquoted right-hand side
 *        is an expression ({@code password = user_input}), not a literal, so such a match only counts in
 *        configuration files
 * @param hints lower-case literals one of which every match contains: a file or line without any of them is not
 *        run through the regex (a plain substring search is far cheaper than a regex tried at every position)
 */
public record SecretRule(String id, String severity, Pattern regex, int secretGroup, boolean placeholderCheck,
        int bareValueGroup, List<String> hints) {

    public static final String CRITICAL = "critical";
    public static final String HIGH = "high";
    public static final String MEDIUM = "medium";

    /** Severities from worst to least bad (display and sort order). */
    public static final List<String> SEVERITIES = List.of(CRITICAL, HIGH, MEDIUM);

    private static final String DB_SCHEMES = "postgres(?:ql)?|mysql|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?"
            + "|mssql|sqlserver|oracle|cockroachdb|clickhouse|couchdb|neo4j(?:\\+s)?|bolt";

    /**
     * The catalogue, most specific first: when two rules match overlapping text on one line (a Stripe key in
     * {@code STRIPE_SECRET=...}), only the earlier rule reports it.
     */
    public static final List<SecretRule> ALL = List.of(
            rule("private-key", List.of("private key"), CRITICAL, "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----", 0, false),
            rule("aws-access-key", List.of("akia", "asia"), CRITICAL, "\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b", 0, false),
            rule("aws-secret-key", List.of("aws"), CRITICAL,
                    "(?i)aws_?secret_?access_?key[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])", 1,
                    false),
            rule("github-token", List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"), CRITICAL,
                    "\\b(?:(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,255})\\b", 0, false),
            rule("stripe-live-key", List.of("_live_"), CRITICAL, "\\b(?:sk|rk)_live_[0-9A-Za-z]{16,247}\\b", 0, false),
            rule("google-api-key", List.of("aiza"), HIGH, "\\bAIza[0-9A-Za-z_\\-]{35}(?![0-9A-Za-z_\\-])", 0, false),
            rule("slack-webhook", List.of("hooks.slack.com"), HIGH,
                    "https://hooks\\.slack\\.com/(?:services|workflows)/[A-Za-z0-9]{8,}/[A-Za-z0-9]{8,}/[A-Za-z0-9]{16,}",
                    0, false),
            rule("slack-token", List.of("xox"), HIGH, "\\bxox[baprs]-[0-9A-Za-z][0-9A-Za-z-]{9,250}", 0, false),
            rule("db-url-password", List.of("://"), HIGH,
                    "(?i)\\b(?:jdbc:)?(?:" + DB_SCHEMES + ")://[^\\s:/@\"'<>]{0,128}:([^\\s/@\"'<>]{1,256})@[^\\s/\"'<>]+",
                    1, true),
            rule("jwt", List.of("eyj"), MEDIUM, "\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}", 0, false),
            // Key names ending in password/passwd/secret (db_password, client_secret, SECRET_KEY), then = or :,
            // then a quoted literal, or an unquoted one that ends the statement. Group 1 quoted, 2 unquoted.
            rule("password-assignment", List.of("password", "passwd", "secret"), MEDIUM,
                    "(?i)(?<![A-Za-z0-9_.-])[\"']?[A-Za-z0-9_.-]{0,64}(?:password|passwd|secret)(?:_?key)?[\"']?"
                            + "\\s*(?::=|[:=](?!=))\\s*"
                            + "(?:[\"']([^\"'\\s]{4,256})[\"']|([^\\s\"',;#()\\[\\]{}<>]{4,256})(?=\\s*(?:[,;#]|//|$)))",
                    -1, true, 2));

    private static SecretRule rule(String id, List<String> hints, String severity, String regex, int group,
            boolean placeholders) {
        return rule(id, hints, severity, regex, group, placeholders, 0);
    }

    private static SecretRule rule(String id, List<String> hints, String severity, String regex, int group,
            boolean placeholders, int bareValueGroup) {
        return new SecretRule(id, severity, Pattern.compile(regex), group, placeholders, bareValueGroup, hints);
    }

    /** Whether {@code lowerText} (ASCII-lower-cased) holds one of the hints, so the regex may match. */
    public boolean mayMatch(String lowerText) {
        for (String hint : hints) {
            if (lowerText.contains(hint)) {
                return true;
            }
        }
        return false;
    }

    /** Rank for sorting: critical first. */
    public static int rank(String severity) {
        int i = SEVERITIES.indexOf(severity);
        return i < 0 ? SEVERITIES.size() : i;
    }
}
