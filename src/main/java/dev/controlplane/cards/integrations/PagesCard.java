package dev.controlplane.cards.integrations;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardSpec;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.ResultJson;
import dev.controlplane.cards.Tab;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ParsedFile;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Static-site segments declared in {@code project.yml} ({@code pages.segments[]}) and the metadata of their last
 * build, which the pages builder leaves in {@code .pages/<name>/build.json}. Times are epoch seconds, as
 * everywhere on the wire; a build that never ran has the same shape with empty values.
 */
@ApplicationScoped
public class PagesCard implements Card {
    private static final List<String> CONFIG_FILES = List.of("project.yml", "project.yaml");
    /** A segment name becomes a directory name under .pages/: nothing that could climb out of it. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<String> FAILED = Set.of("failed", "failure", "error", "errored");
    private static final int MAX_ERROR_CHARS = 200;

    /**
     * What the card is, where it sits and what it depends on: its one declaration.
     * order: Fifth row of the Integrations table (the brief's rule: position times 10).
     */
    static final CardSpec SPEC = CardSpec.card("pages")
            .title("Pages")
            .description("Static-site segments from project.yml and their last builds")
            .tab(Tab.INTEGRATIONS)
            .order(50)
            .watch(List.of("project.yml", ".pages/"))
            .alias("/api/pages/segments")
            .build();

    @Override
    public CardSpec spec() {
        return SPEC;
    }


    private record Segment(String name, String source, String builder, String path) {
    }

    @RegisterForReflection
    record PagesResult(@JsonProperty("config_file") String configFile, List<SegmentRow> segments,
            @JsonProperty("total_segments") int totalSegments, @JsonProperty("built_segments") int builtSegments,
            List<String> warnings) {
    }

    @RegisterForReflection
    record SegmentRow(String name, String source, String builder, String path,
            @JsonProperty("source_exists") boolean sourceExists, Build build) {
    }

    /** The last build; one that never ran (or could not be read) has the same shape with empty values. */
    @RegisterForReflection
    record Build(boolean exists, String status, @JsonProperty("built_at") double builtAt,
            @JsonProperty("duration_s") double durationS, String error) {
        static final Build NONE = new Build(false, "", 0.0, 0.0, "");
    }

    @Override
    public ObjectNode compute(CardContext ctx) {
        List<String> warnings = new ArrayList<>();
        String configFile = CONFIG_FILES.stream().filter(ctx::isFile).findFirst().orElse("");
        if (configFile.equals("project.yaml")) {
            ctx.watch("project.yaml");
        }
        List<Segment> segments = configFile.isEmpty() ? List.of() : segments(ctx, configFile, warnings);

        List<SegmentRow> list = new ArrayList<>();
        int built = 0;
        boolean failed = false;
        for (Segment segment : segments) {
            boolean sourceExists = sourceExists(ctx, segment.source());
            Build build = build(ctx, segment.name(), warnings);
            list.add(new SegmentRow(segment.name(), segment.source(), segment.builder(), segment.path(), sourceExists,
                    build));
            built += build.exists() ? 1 : 0;
            failed |= FAILED.contains(build.status().toLowerCase(Locale.ROOT));
        }
        ObjectNode card = ResultJson.tree(new PagesResult(configFile, list, segments.size(), built, warnings));

        Level level = segments.isEmpty() && warnings.isEmpty() ? Level.NONE
                : failed || !warnings.isEmpty() ? Level.DEGRADED : Level.OK;
        return CardJson.summary(card, CardJson.plural(segments.size(), "segment", "segments"), level);
    }

    /** Whether a segment's source is there, inside the project ({@code ../elsewhere} does not count). */
    private static boolean sourceExists(CardContext ctx, String source) {
        if (source.isEmpty()) {
            return false;
        }
        Path path = ctx.path(source);
        return path.startsWith(ctx.path("")) && Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** {@code pages.segments} as a list of {@code {name, ...}} or as a map keyed by name. */
    private static List<Segment> segments(CardContext ctx, String configFile, List<String> warnings) {
        ParsedFile<List<JsonNode>> parsed = Manifests.yaml(ctx.path(configFile), ctx.root());
        if (parsed.warning() != null) {
            warnings.add(parsed.warning());
        }
        List<JsonNode> docs = parsed.optional().orElse(List.of());
        JsonNode declared = docs.isEmpty() ? CardJson.object() : docs.get(0).path("pages").path("segments");
        List<Segment> segments = new ArrayList<>();
        if (declared.isArray()) {
            int index = 0;
            for (JsonNode item : declared) {
                index++;
                String name = item.path("name").asText("");
                if (name.isBlank()) {
                    warnings.add(configFile + ": pages.segments #" + index + " has no name, ignored");
                    continue;
                }
                segments.add(segment(name, item));
            }
        } else if (declared.isObject()) {
            for (Map.Entry<String, JsonNode> entry : declared.properties()) {
                segments.add(segment(entry.getKey(), entry.getValue()));
            }
        }
        return segments;
    }

    private static Segment segment(String name, JsonNode item) {
        return new Segment(name, item.path("source").asText(""), item.path("builder").asText(""),
                item.path("path").asText(""));
    }

    /** {@code {exists, status, built_at, duration_s, error}} from {@code .pages/<name>/build.json}. */
    private static Build build(CardContext ctx, String name, List<String> warnings) {
        Build build = Build.NONE;
        if (!SAFE_NAME.matcher(name).matches()) {
            warnings.add("pages segment \"" + name + "\": not usable as a directory name, build not read");
            return build;
        }
        String rel = ".pages/" + name + "/build.json";
        if (!ctx.isFile(rel)) {
            return build;
        }
        ParsedFile<JsonNode> parsed = Manifests.json(ctx.path(rel), ctx.root());
        if (!parsed.isOk()) {
            warnings.add(parsed.warning());
            return build;
        }
        JsonNode json = parsed.value();
        double builtAt = epochSeconds(json.path("built_at"), rel, warnings);
        String error = json.path("error").asText("");
        return new Build(true, json.path("status").asText(""), builtAt, json.path("duration_s").asDouble(0.0),
                error.length() > MAX_ERROR_CHARS ? error.substring(0, MAX_ERROR_CHARS) + "…" : error);
    }

    /** Epoch seconds from a number or an ISO-8601 time (a zone-less time is taken as UTC); 0 when absent. */
    static double epochSeconds(JsonNode value, String rel, List<String> warnings) {
        if (value.isNumber()) {
            return value.asDouble();
        }
        String text = value.asText("").trim();
        if (text.isEmpty()) {
            return 0.0;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            // an ISO time, most likely
        }
        try {
            return seconds(Instant.parse(text));
        } catch (DateTimeParseException e) {
            // not UTC "Z": try an offset, then a local time
        }
        try {
            return seconds(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return seconds(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            warnings.add(rel + ": built_at \"" + text + "\" is not a time");
            return 0.0;
        }
    }

    private static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}
