package dev.controlplane.cards.devops;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;

/**
 * The DNS card's hosting providers known by their config files (Cloudflare, Netlify, Vercel, GitHub Pages) and
 * the domains those files name. CloudFront, found by the card's walk of Terraform files, is the card's own.
 */
final class DnsHostingConfigs {
    /** Netlify and Pages files live in the publish directory as often as at the root. */
    private static final List<String> PUBLISH_DIRS = List.of("", "public", "static", "docs");
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>()\\[\\]{},]+");

    private DnsHostingConfigs() {
    }

    static void read(CardContext ctx, DnsFound found) {
        cloudflare(ctx, found);
        netlify(ctx, found);
        vercel(ctx, found);
        githubPages(ctx, found);
    }

    // --- Cloudflare: wrangler routes, zone names, custom domains ---

    private static void cloudflare(CardContext ctx, DnsFound found) {
        for (String name : List.of("wrangler.toml", "wrangler.json", "wrangler.jsonc")) {
            if (!ctx.isFile(name)) {
                continue;
            }
            found.provider("cloudflare", name);
            ParsedFile<JsonNode> parsed = name.endsWith(".toml") ? Manifests.toml(ctx.path(name), ctx.root())
                    : Manifests.json(ctx.path(name), ctx.root());
            if (parsed.warning() != null) {
                found.warnings.add(parsed.warning());
            }
            parsed.optional().ifPresent(config -> wranglerDomains(config, name, found));
        }
        if (ctx.isDirectory("cloudflare")) {
            found.provider("cloudflare", "cloudflare/");
        }
    }

    /** {@code route}, {@code routes} and {@code zone_name}, top level and in every {@code [env.*]}. */
    private static void wranglerDomains(JsonNode config, String file, DnsFound found) {
        List<JsonNode> scopes = new ArrayList<>();
        scopes.add(config);
        config.path("env").forEach(scopes::add);
        for (JsonNode scope : scopes) {
            routeDomain(scope.path("route"), file, found);
            scope.path("routes").forEach(route -> routeDomain(route, file, found));
            found.domain(scope.path("zone_name").asText(null), file);
        }
    }

    private static void routeDomain(JsonNode route, String file, DnsFound found) {
        if (route.isTextual()) {
            found.domain(route.asText(), file);
        } else if (route.isObject()) {
            found.domain(route.path("pattern").asText(null), file);
            found.domain(route.path("zone_name").asText(null), file);
        }
    }

    // --- Netlify: netlify.toml URLs, _redirects and _headers ---

    private static void netlify(CardContext ctx, DnsFound found) {
        if (ctx.isFile("netlify.toml")) {
            found.provider("netlify", "netlify.toml");
            ParsedFile<JsonNode> parsed = Manifests.toml(ctx.path("netlify.toml"), ctx.root());
            if (parsed.warning() != null) {
                found.warnings.add(parsed.warning());
            }
            parsed.optional().ifPresent(config -> urlDomains(config, "netlify.toml", found));
        }
        for (String dir : PUBLISH_DIRS) {
            for (String name : List.of("_redirects", "_headers")) {
                String rel = dir.isEmpty() ? name : dir + "/" + name;
                if (ctx.isFile(rel)) {
                    found.provider("netlify", rel);
                    textUrlDomains(Manifests.text(ctx.path(rel)), rel, found);
                }
            }
        }
    }

    // --- Vercel: aliases, host conditions and every absolute URL ---

    private static void vercel(CardContext ctx, DnsFound found) {
        if (!ctx.isFile("vercel.json")) {
            return;
        }
        found.provider("vercel", "vercel.json");
        ParsedFile<JsonNode> parsed = Manifests.json(ctx.path("vercel.json"), ctx.root());
        if (parsed.warning() != null) {
            found.warnings.add(parsed.warning());
        }
        parsed.optional().ifPresent(config -> {
            JsonNode alias = config.path("alias");
            if (alias.isTextual()) {
                found.domain(alias.asText(), "vercel.json");
            }
            alias.forEach(a -> found.domain(a.asText(null), "vercel.json"));
            for (String rules : List.of("redirects", "rewrites", "headers")) {
                for (JsonNode rule : config.path(rules)) {
                    for (JsonNode condition : rule.path("has")) {
                        if ("host".equals(condition.path("type").asText())) {
                            found.domain(condition.path("value").asText(null), "vercel.json");
                        }
                    }
                }
            }
            urlDomains(config, "vercel.json", found);
        });
    }

    // --- GitHub Pages: the CNAME file holds the custom domain ---

    private static void githubPages(CardContext ctx, DnsFound found) {
        for (String dir : PUBLISH_DIRS) {
            String rel = dir.isEmpty() ? "CNAME" : dir + "/CNAME";
            if (!ctx.isFile(rel)) {
                continue;
            }
            found.provider("github-pages", rel);
            String text = Manifests.text(ctx.path(rel));
            if (text != null) {
                text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .forEach(l -> found.domain(l, rel));
            }
        }
    }

    // --- URLs in parsed configs and in plain text ---

    /** Every string value of a parsed config that is an absolute http(s) URL. */
    private static void urlDomains(JsonNode node, String file, DnsFound found) {
        if (node.isTextual()) {
            Matcher url = URL.matcher(node.asText());
            while (url.find()) {
                found.domain(url.group(), file);
            }
            return;
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
            urlDomains(it.next(), file, found);
        }
    }

    private static void textUrlDomains(String text, String file, DnsFound found) {
        if (text == null) {
            return;
        }
        Matcher url = URL.matcher(text);
        while (url.find()) {
            found.domain(url.group(), file);
        }
    }
}
