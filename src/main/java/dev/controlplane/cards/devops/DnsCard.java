package dev.controlplane.cards.devops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.Pref;
import dev.controlplane.cards.ResultJson;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.files.DomainNames;
import dev.controlplane.project.files.SecretScanner;
import dev.controlplane.support.Manifests;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * CDN and hosting providers known by their config files, the domains those files name, DNS zone files and
 * certificate/key files (their type only). Reads files only: no DNS lookup, no network.
 */
@ApplicationScoped
public class DnsCard implements Card {
    static final int MAX_CERTIFICATES = 100;
    static final int MAX_ZONE_FILES = 50;
    private static final int SNIFF_BYTES = 64 * 1024;

    private static final Pattern TF_ALIASES = Pattern.compile("aliases\\s*=\\s*\\[([^\\]]*)\\]");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"$]*)\"");
    private static final Pattern ZONE_ORIGIN = Pattern.compile("(?m)^\\$ORIGIN\\s+(\\S+)");
    private static final Pattern ZONE_MARKERS = Pattern.compile("(?m)^\\$(?:TTL|ORIGIN)\\b|\\bIN\\s+SOA\\b");
    private static final Set<String> KEY_NAMES = Set.of("id_rsa", "id_dsa", "id_ecdsa", "id_ed25519");
    private static final Set<String> CERT_EXTENSIONS = Set.of("pem", "crt", "cer", "der", "key", "p12", "pfx", "jks",
            "keystore", "csr", "p7b", "p7c");

    /** What the card is, where it sits and what it depends on: its one declaration. */
    static final CardSpec SPEC = CardSpec.card("dns")
            .title("DNS & CDN")
            .description("Hosting/CDN providers, the domains their configs name, zone files and certificates (no lookups)")
            .tab(Tab.DEVOPS)
            .order(90)
            .watch(List.of("netlify.toml", "vercel.json", "wrangler.toml", "CNAME", "cloudflare/"))
            .alias("/api/dns/status")
            .defaultPref(Pref.HIDDEN)
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }


    private static final Map<String, String> PROVIDER_NAMES = Map.of("cloudflare", "Cloudflare", "netlify",
            "Netlify", "vercel", "Vercel", "github-pages", "GitHub Pages", "cloudfront", "AWS CloudFront");
    private static final List<String> PROVIDER_ORDER = List.of("cloudflare", "netlify", "vercel", "github-pages",
            "cloudfront");

    @Override
    public ObjectNode compute(CardContext ctx) {
        DnsFound found = new DnsFound();
        DnsHostingConfigs.read(ctx, found);
        walk(ctx, found);
        cloudfront(ctx, found);
        List<Zone> zones = zoneFiles(ctx, found);
        List<Certificate> certificates = new ArrayList<>();
        int certificateCount = certificates(ctx, found, certificates);

        List<Provider> providers = new ArrayList<>();
        for (String id : PROVIDER_ORDER) {
            List<String> files = found.providers.get(id);
            if (files != null) {
                providers.add(new Provider(id, PROVIDER_NAMES.get(id), List.copyOf(files)));
                files.stream().filter(f -> !f.startsWith("cloudflare/")).forEach(ctx::watch);
            }
        }
        List<DomainSource> sources = new ArrayList<>();
        found.domains.forEach((domain, files) -> sources.add(new DomainSource(domain, List.copyOf(files))));
        ObjectNode card = ResultJson.tree(new DnsResult(providers, List.copyOf(found.domains.keySet()), sources, zones,
                certificates, certificateCount, found.warnings));

        int count = found.domains.size();
        Level level = count == 0 && found.providers.isEmpty() ? Level.NONE : Level.OK;
        return CardJson.summary(card, CardJson.plural(count, "domain", "domains"), level);
    }

    @RegisterForReflection
    record DnsResult(List<Provider> providers, List<String> domains,
            @JsonProperty("domain_sources") List<DomainSource> domainSources,
            @JsonProperty("zone_files") List<Zone> zoneFiles, List<Certificate> certificates,
            @JsonProperty("certificate_count") int certificateCount, List<String> warnings) {
    }

    @RegisterForReflection
    record Provider(String id, String name, List<String> files) {
    }

    /** A domain and the files that name it. */
    @RegisterForReflection
    record DomainSource(String domain, List<String> files) {
    }

    @RegisterForReflection
    record Zone(String path, String origin) {
    }

    /** A certificate or key file by its type, never its content. */
    @RegisterForReflection
    record Certificate(String path, String type) {
    }

    // --- one walk for Terraform files, zone files and certificates ---

    private static void walk(CardContext ctx, DnsFound found) {
        ctx.walk(ctx.root(), (file, attrs) -> {
            String name = file.getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            String ext = SecretScanner.extension(lower);
            if (ext.equals("tf")) {
                found.terraform.add(file);
            }
            if (ext.equals("zone") || lower.startsWith("db.")) {
                found.zoneCandidates.add(file);
            }
            if (CERT_EXTENSIONS.contains(ext) || KEY_NAMES.contains(lower)) {
                found.certificateCandidates.add(file);
            }
            return true;
        });
        found.terraform.sort(null);
        found.zoneCandidates.sort(null);
        found.certificateCandidates.sort(null);
    }

    /** CloudFront: a {@code aws_cloudfront_distribution} resource; its {@code aliases} are the domains. */
    private static void cloudfront(CardContext ctx, DnsFound found) {
        for (Path tf : found.terraform) {
            String text = Manifests.text(tf);
            if (text == null || !text.contains("aws_cloudfront_distribution")) {
                continue;
            }
            String rel = ctx.rel(tf);
            found.provider("cloudfront", rel);
            ctx.watch(rel);
            Matcher aliases = TF_ALIASES.matcher(text);
            while (aliases.find()) {
                Matcher quoted = QUOTED.matcher(aliases.group(1));
                while (quoted.find()) {
                    found.domain(quoted.group(1), rel);
                }
            }
        }
    }

    /**
     * {@code *.zone}, and {@code db.*} files that look like zone files ({@code db.py} and {@code db.sqlite} do
     * not). The origin is {@code $ORIGIN}, else the name the file is called after.
     */
    private static List<Zone> zoneFiles(CardContext ctx, DnsFound found) {
        List<Zone> zones = new ArrayList<>();
        for (Path file : found.zoneCandidates) {
            String name = file.getFileName().toString();
            String head = head(file);
            boolean zoneByName = name.toLowerCase(Locale.ROOT).endsWith(".zone");
            if (head == null || (!zoneByName && !ZONE_MARKERS.matcher(head).find())) {
                continue;
            }
            if (zones.size() >= MAX_ZONE_FILES) {
                found.warnings.add("more than " + MAX_ZONE_FILES + " zone files: the list is cut");
                break;
            }
            String rel = ctx.rel(file);
            Matcher origin = ZONE_ORIGIN.matcher(head);
            String fromName = zoneByName ? name.substring(0, name.length() - ".zone".length()) : name.substring(3);
            Optional<String> domain = origin.find() ? DomainNames.of(origin.group(1)) : DomainNames.of(fromName);
            zones.add(new Zone(rel, domain.orElse("")));
            domain.ifPresent(d -> found.domain(d, rel));
            ctx.watch(rel);
        }
        return zones;
    }

    /**
     * Certificates and keys by type, sniffed from PEM headers (never the content): a file holding both a
     * certificate and a private key is a {@code pem-bundle}. Binary containers are typed by extension.
     */
    private static int certificates(CardContext ctx, DnsFound found, List<Certificate> out) {
        int count = 0;
        for (Path file : found.certificateCandidates) {
            String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
            String ext = SecretScanner.extension(lower);
            String type = switch (ext) {
                case "p12", "pfx" -> "pkcs12";
                case "jks", "keystore" -> "java-keystore";
                default -> sniffType(file, ext, lower);
            };
            if (type == null) {
                continue;
            }
            count++;
            if (out.size() < MAX_CERTIFICATES) {
                out.add(new Certificate(ctx.rel(file), type));
            }
        }
        return count;
    }

    private static String sniffType(Path file, String ext, String name) {
        String head = head(file);
        String text = head == null ? "" : head;
        boolean key = text.contains("PRIVATE KEY-----");
        boolean cert = text.contains("BEGIN CERTIFICATE-----") || text.contains("BEGIN TRUSTED CERTIFICATE-----");
        if (key && cert) {
            return "pem-bundle";
        }
        if (key) {
            return "private-key";
        }
        if (cert) {
            return "pem-certificate";
        }
        if (text.contains("CERTIFICATE REQUEST-----")) {
            return "certificate-request";
        }
        if (text.contains("BEGIN PUBLIC KEY-----") || text.contains("BEGIN RSA PUBLIC KEY-----")) {
            return "public-key";
        }
        if (text.contains("BEGIN PKCS7-----")) {
            return "pkcs7";
        }
        // No PEM armour: binary DER, typed by its extension.
        return switch (ext) {
            case "der", "crt", "cer" -> "der-certificate";
            case "key" -> "private-key";
            case "csr" -> "certificate-request";
            case "p7b", "p7c" -> "pkcs7";
            case "pem" -> "pem-unknown";
            default -> KEY_NAMES.contains(name) ? "private-key" : null;
        };
    }

    /** The first 64 KB of a file as text, or null when unreadable. */
    private static String head(Path file) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
