package dev.controlplane.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Settings the command line needs before Quarkus starts (the port to check, the project root, the version),
 * read in Quarkus's own order: system property, then environment variable, then {@code application.properties}.
 * The defaults stay declared once, in {@code application.properties}.
 */
final class LaunchSettings implements Function<String, String> {
    private final Function<String, String> properties;
    private final Function<String, String> environment;
    private final Properties defaults;

    LaunchSettings(Function<String, String> properties, Function<String, String> environment, Properties defaults) {
        this.properties = properties;
        this.environment = environment;
        this.defaults = defaults;
    }

    static LaunchSettings load() {
        return new LaunchSettings(System::getProperty, System::getenv, resource("application.properties"));
    }

    @Override
    public String apply(String name) {
        String value = properties.apply(name);
        if (value == null) {
            value = environment.apply(name);
        }
        if (value == null && name.contains(".")) {
            value = environment.apply(name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return value != null ? value : defaults.getProperty(name);
    }

    /** The host to check the port on; empty when nothing declares one (then Quarkus reports what it binds). */
    Optional<String> host() {
        return Optional.ofNullable(apply("quarkus.http.host")).map(String::trim);
    }

    /**
     * The port Quarkus will bind; empty when nothing declares one or it is not a number, so the check is left to
     * Quarkus, which names the bad value itself.
     */
    Optional<Integer> port() {
        try {
            return Optional.ofNullable(apply("quarkus.http.port")).map(String::trim).map(Integer::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The version Maven filtered into {@code version.properties} at build time. */
    static String version() {
        return resource("dev/controlplane/cli/version.properties").getProperty("version", "unknown");
    }

    private static Properties resource(String name) {
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // no defaults: every lookup then falls back to its documented default
        }
        return properties;
    }
}
