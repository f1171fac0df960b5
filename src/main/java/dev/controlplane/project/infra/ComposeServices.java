package dev.controlplane.project.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The services of a Compose file, read from its parsed YAML. Compose allows several spellings for the same
 * thing ({@code build: ./dir} or {@code build: {context: ./dir}}, {@code depends_on} as a list or a map,
 * ports as numbers, strings or objects); this flattens them into one shape. Environment values are never read.
 */
public final class ComposeServices {

    public record Service(String name, String image, String build, List<String> ports, List<String> dependsOn) {
    }

    private ComposeServices() {
    }

    /** The services of the first document, in file order; empty when there is no {@code services} map. */
    public static List<Service> of(JsonNode document) {
        List<Service> services = new ArrayList<>();
        JsonNode map = document == null ? null : document.get("services");
        if (map == null || !map.isObject()) {
            return services;
        }
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            JsonNode service = entry.getValue();
            services.add(new Service(entry.getKey(), text(service.get("image")), build(service.get("build")),
                    ports(service.get("ports")), dependsOn(service.get("depends_on"))));
        }
        return services;
    }

    /** {@code build: ./dir} or {@code build: {context: ./dir}}; a build map without context means ".". */
    private static String build(JsonNode build) {
        if (build == null || build.isNull()) {
            return null;
        }
        if (build.isObject()) {
            String context = text(build.get("context"));
            return context == null ? "." : context;
        }
        return text(build);
    }

    /** Short syntax as written ({@code "8080:80"}, {@code 8443}); long syntax as {@code published:target/protocol}. */
    private static List<String> ports(JsonNode ports) {
        List<String> result = new ArrayList<>();
        if (ports == null || !ports.isArray()) {
            return result;
        }
        for (JsonNode port : ports) {
            if (port.isObject()) {
                String target = text(port.get("target"));
                if (target == null) {
                    continue;
                }
                String published = text(port.get("published"));
                String hostIp = text(port.get("host_ip"));
                String protocol = text(port.get("protocol"));
                StringBuilder spec = new StringBuilder();
                if (hostIp != null && published != null) {
                    spec.append(hostIp).append(':');
                }
                if (published != null) {
                    spec.append(published).append(':');
                }
                spec.append(target);
                if (protocol != null) {
                    spec.append('/').append(protocol);
                }
                result.add(spec.toString());
            } else if (port.isValueNode() && !port.isNull()) {
                result.add(port.asText());
            }
        }
        return result;
    }

    /** {@code depends_on: [db]} or {@code depends_on: {db: {condition: service_healthy}}}. */
    private static List<String> dependsOn(JsonNode dependsOn) {
        List<String> result = new ArrayList<>();
        if (dependsOn == null) {
            return result;
        }
        if (dependsOn.isArray()) {
            dependsOn.forEach(name -> {
                if (name.isValueNode() && !name.isNull()) {
                    result.add(name.asText());
                }
            });
        } else if (dependsOn.isObject()) {
            dependsOn.fieldNames().forEachRemaining(result::add);
        }
        return result;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
    }
}
