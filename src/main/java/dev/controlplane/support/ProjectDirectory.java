package dev.controlplane.support;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import dev.controlplane.config.ControlPlaneConfig;

/** The project the dashboard describes, and its {@code .state/} directory. */
@ApplicationScoped
public class ProjectDirectory {
    public static final String STATE_DIR = ".state";

    private final Path root;

    public ProjectDirectory(ControlPlaneConfig config) {
        this.root = Path.of(config.projectRoot()).toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path stateDir() {
        return root.resolve(STATE_DIR);
    }

    public boolean exists() {
        return Files.isDirectory(root);
    }

    /** The name shown in the page header. */
    public String name() {
        Path name = root.getFileName();
        return name == null ? root.toString() : name.toString();
    }
}
