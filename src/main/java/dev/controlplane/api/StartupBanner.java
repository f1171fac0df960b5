package dev.controlplane.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.controlplane.config.ControlPlaneConfig;
import dev.controlplane.support.ProjectDirectory;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.HttpServerStart;

/**
 * Says where the dashboard is and what it shows, once the server listens (never before: a server that cannot
 * bind its port must not have printed a URL), warns about a non-local bind address, and with {@code --open}
 * hands the URL to the desktop's browser.
 */
@ApplicationScoped
public class StartupBanner {
    private final ProjectDirectory project;
    private final String host;
    private final int port;
    private final boolean open;

    public StartupBanner(ProjectDirectory project, @ConfigProperty(name = "quarkus.http.host") String host,
            @ConfigProperty(name = "quarkus.http.port") int port, ControlPlaneConfig config) {
        this.project = project;
        this.host = host;
        this.port = port;
        this.open = config.open();
    }

    void announce(@ObservesAsync HttpServerStart ignored) {
        if (!project.exists()) {
            Log.warnf("The project directory %s does not exist: cards will report an error until it does",
                    project.root());
        }
        if (!isLoopback(host)) {
            Log.warnf("Listening on %s: other machines can reach this dashboard (it still refuses non-local Host "
                    + "headers; set controlplane.security.allowed-hosts to add names)", host);
        }
        Log.infof("DevOps Control Plane for %s: open %s", project.root(), url());
        if (open) {
            BrowserOpener.open(url());
        }
    }

    /** The address a browser on this machine opens. */
    public String url() {
        String shown = isLoopback(host) || "0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : host;
        return "http://" + shown + ":" + port + "/";
    }

    static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "::1".equals(host) || "[::1]".equals(host)
                || host.startsWith("127.");
    }
}
