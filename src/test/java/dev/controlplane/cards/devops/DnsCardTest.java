package dev.controlplane.cards.devops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.Pref;
import dev.controlplane.cards.Tab;
import dev.controlplane.project.files.DomainNames;

class DnsCardTest {
    private final DnsCard card = new DnsCard();

    @TempDir
    Path dir;

    private ObjectNode compute() {
        return card.compute(CardContext.standalone(dir));
    }

    @Test
    void describesItselfAsTheSpecSays() {
        assertEquals("dns", card.key());
        assertEquals("/api/dns/status", card.alias());
        assertEquals(Tab.DEVOPS, card.tab());
        assertEquals(90, card.order());
        assertEquals(List.of("netlify.toml", "vercel.json", "wrangler.toml", "CNAME", "cloudflare/"),
                card.watchPaths());
        assertEquals(Set.of("devops"), card.scopes());
        assertEquals(Set.of(), card.peers());
        assertEquals(Pref.HIDDEN, card.defaultPref());
    }

    @Test
    void findsProvidersDomainsZonesAndCertificates() {
        SecdocsFixtures.copy("dns", dir);
        CardContext context = CardContext.standalone(dir);
        ObjectNode result = card.compute(context);

        assertEquals("[{\"id\":\"cloudflare\",\"name\":\"Cloudflare\",\"files\":[\"wrangler.toml\"]},"
                + "{\"id\":\"netlify\",\"name\":\"Netlify\",\"files\":[\"netlify.toml\",\"public/_redirects\"]},"
                + "{\"id\":\"vercel\",\"name\":\"Vercel\",\"files\":[\"vercel.json\"]},"
                + "{\"id\":\"github-pages\",\"name\":\"GitHub Pages\",\"files\":[\"CNAME\"]},"
                + "{\"id\":\"cloudfront\",\"name\":\"AWS CloudFront\",\"files\":[\"infra/cdn.tf\"]}]",
                result.get("providers").toString());
        // Left out: registry.npmjs.org, localhost, www.example.com, github.com, raw.githubusercontent.com, the
        // S3 origin (not an alias) and the alias behind a Terraform variable.
        assertEquals("[\"acme-demo.app\",\"acme-demo.dev\",\"acme-internal.net\",\"api.acme-demo.dev\","
                + "\"assets.acme-demo.dev\",\"blog.acme-demo.app\",\"cdn.acme-demo.dev\",\"docs.acme-demo.dev\","
                + "\"old.acme-demo.dev\",\"shop.acme-demo.dev\",\"staging.acme-demo.dev\",\"www.acme-demo.dev\"]",
                result.get("domains").toString());
        assertEquals("{\"domain\":\"acme-demo.dev\",\"files\":[\"wrangler.toml\",\"zones/acme-demo.dev.zone\"]}",
                result.get("domain_sources").get(1).toString());
        assertEquals("{\"domain\":\"www.acme-demo.dev\",\"files\":[\"CNAME\",\"netlify.toml\"]}",
                result.get("domain_sources").get(11).toString());
        assertEquals("[{\"path\":\"zones/acme-demo.dev.zone\",\"origin\":\"acme-demo.dev\"},"
                + "{\"path\":\"zones/db.acme-internal.net\",\"origin\":\"acme-internal.net\"}]",
                result.get("zone_files").toString());
        assertEquals("[{\"path\":\"certs/bundle.pem\",\"type\":\"pem-bundle\"},"
                + "{\"path\":\"certs/keystore.p12\",\"type\":\"pkcs12\"},"
                + "{\"path\":\"certs/public.pem\",\"type\":\"public-key\"},"
                + "{\"path\":\"certs/request.csr\",\"type\":\"certificate-request\"},"
                + "{\"path\":\"certs/site.crt\",\"type\":\"pem-certificate\"},"
                + "{\"path\":\"certs/site.key\",\"type\":\"private-key\"}]", result.get("certificates").toString());
        assertEquals(6, result.get("certificate_count").asInt());
        assertEquals("[]", result.get("warnings").toString());
        assertEquals("12 domains", result.at("/summary/text").asText());
        assertEquals("ok", result.at("/summary/level").asText());

        String json = result.toString();
        assertFalse(json.contains("RkFLR"), "certificate or key content in the JSON");
        assertEquals(true, context.discoveredWatchPaths().containsAll(
                List.of("public/_redirects", "infra/cdn.tf", "zones/acme-demo.dev.zone")));
    }

    @Test
    void malformedConfigIsAWarningNotAFailure() {
        SecdocsFixtures.write(dir, "wrangler.toml", "routes = [ unclosed\n");
        SecdocsFixtures.write(dir, "docs/CNAME", "https://pages.acme-demo.dev/\n");
        ObjectNode result = compute();

        assertEquals(1, result.get("warnings").size());
        assertEquals(true, result.get("warnings").get(0).asText().startsWith("wrangler.toml: invalid TOML"));
        assertEquals("[\"pages.acme-demo.dev\"]", result.get("domains").toString());
        assertEquals("1 domain", result.at("/summary/text").asText());
    }

    @ParameterizedTest
    @CsvSource({
        "shop.acme.dev/*, shop.acme.dev",
        "*.acme.dev/api/*, acme.dev",
        "https://user:pw@Acme.DEV:8443/path?q=1, acme.dev",
        "ns1.acme.dev., ns1.acme.dev",
        "www.example.com, ''",
        "api.example.org, ''",
        "localhost, ''",
        "app.localhost, ''",
        "site.test, ''",
        "registry.npmjs.org, ''",
        "raw.githubusercontent.com, ''",
        "github.com, ''",
        "acme.github.io, acme.github.io",
        "10.0.0.1, ''",
    })
    void domainNames(String raw, String expected) {
        assertEquals(expected, DomainNames.of(raw).orElse(""));
    }

    @Test
    void emptyProjectHasTheFullShape() {
        ObjectNode result = compute();

        assertEquals("[]", result.get("providers").toString());
        assertEquals("[]", result.get("domains").toString());
        assertEquals("[]", result.get("domain_sources").toString());
        assertEquals("[]", result.get("zone_files").toString());
        assertEquals("[]", result.get("certificates").toString());
        assertEquals(0, result.get("certificate_count").asInt());
        assertEquals("[]", result.get("warnings").toString());
        assertEquals("0 domains", result.at("/summary/text").asText());
        assertEquals("none", result.at("/summary/level").asText());
    }
}
