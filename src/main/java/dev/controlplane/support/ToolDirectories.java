package dev.controlplane.support;

import java.nio.file.Path;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.controlplane.config.ControlPlaneConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Hands {@code controlplane.tools.path} to {@link ToolRunner} before anything runs a tool: first among the
 * start-up observers, since cache warming starts computing cards (and so running tools) on start.
 */
@ApplicationScoped
public class ToolDirectories {
    private final List<Path> directories;

    public ToolDirectories(ControlPlaneConfig config) {
        this.directories = config.tools().path().orElse(List.of()).stream()
                .map(String::trim).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir).toAbsolutePath().normalize()).toList();
    }

    void onStart(@Observes @Priority(1) StartupEvent ignored) {
        ToolRunner.searchFirst(directories);
    }

    void onStop(@Observes ShutdownEvent ignored) {
        ToolRunner.searchFirst(List.of());
    }
}
