package dev.controlplane.project.tools;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.support.ToolRunner;

/**
 * Asks an optional CLI (kubectl, helm, terraform ...) for its version. "Available" means the executable is on
 * the PATH: a tool that is installed but times out or fails still counts as installed, with an empty version,
 * because the user does not need to install it again. Public because the integrations cards probe CLIs too.
 */
public final class ToolProbe {
    private static final Pattern VERSION = Pattern.compile("v?\\d+\\.\\d+(?:\\.\\d+)?(?:[-+][0-9A-Za-z.+-]+)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the card reports per tool: {@code {available, version}}. */
    public record Status(boolean available, String version) {
        public ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("available", available);
            node.put("version", version);
            return node;
        }
    }

    private ToolProbe() {
    }

    public static Status probe(ProjectAccess ctx, Function<String, String> versionOf, String... command) {
        return probe(ctx, Map.of(), versionOf, command);
    }

    /** As {@link #probe(ProjectAccess, Function, String...)} with extra environment (e.g. no update checks). */
    public static Status probe(ProjectAccess ctx, Map<String, String> env, Function<String, String> versionOf,
            String... command) {
        ToolRunner.Result result = ctx.run(env, command);
        if (!result.found()) {
            return new Status(false, "");
        }
        if (result.timedOut() || result.exitCode() != 0) {
            return new Status(true, "");
        }
        return new Status(true, versionOf.apply(result.stdout()));
    }

    /** The first version-looking token of a tool's output ({@code v3.14.2+g1234}, {@code 1.7.0}), or "". */
    public static String firstVersion(String output) {
        Matcher m = VERSION.matcher(output == null ? "" : output);
        return m.find() ? m.group() : "";
    }

    /** A text field of a tool's JSON output ({@code clientVersion.gitVersion}), or the first version found. */
    public static String jsonVersion(String output, String... fieldPath) {
        try {
            JsonNode node = JSON.readTree(output);
            for (String field : fieldPath) {
                node = node == null ? null : node.get(field);
            }
            if (node != null && node.isValueNode() && !node.asText().isBlank()) {
                return node.asText();
            }
        } catch (Exception e) {
            // Older CLIs print text instead of JSON: fall back to scanning it.
        }
        return firstVersion(output);
    }
}
