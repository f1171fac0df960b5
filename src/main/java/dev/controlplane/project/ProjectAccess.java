package dev.controlplane.project;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.controlplane.support.ProjectWalker;
import dev.controlplane.support.ToolRunner;

/**
 * What a reader of the project layer may ask of the computation it serves: the root and the shared
 * {@link ProjectModel}, project-relative paths, a way to add the watch paths it discovers, and tool runs with
 * the configured timeout. The cards' {@code CardContext} is one; the readers stay below the cards and never see
 * a card's peers.
 */
public interface ProjectAccess {
    Path root();

    /** The project as read once for this refresh: shared walks, listings and parsed manifests. */
    ProjectModel project();

    /** The depth a walk from the root goes to. */
    int depth();

    /** A path inside the project. */
    Path path(String relative);

    /** A project-relative path with forward slashes, as shown to users. */
    String rel(Path path);

    boolean isFile(String relative);

    boolean isDirectory(String relative);

    /** A regular file inside the project, not a link. */
    boolean isFile(Path path);

    /** A directory inside the project, not a link. */
    boolean isDirectory(Path path);

    /** Whether {@code path} stays inside the project as written. */
    boolean contains(Path path);

    /** Whether {@code path} exists and is inside the project with every link resolved. */
    boolean reallyContains(Path path);

    /** Adds a watch path found while reading (the card's watch-path syntax). */
    void watch(String relative);

    /** Runs a tool in the project directory with the configured timeout (no shell). */
    ToolRunner.Result run(String... command);

    /** As {@link #run(String...)}, with a shorter timeout for a probe that should answer at once. */
    ToolRunner.Result run(Duration timeout, String... command);

    /** As {@link #run(String...)}, with extra environment variables. */
    ToolRunner.Result run(Map<String, String> environment, String... command);

    Duration toolTimeout();

    /** Regular files under a project directory that match, to {@link #depth()} (from the shared walk). */
    List<Path> files(Path start, int limit, Predicate<Path> filter);

    /** Walks a project directory to {@link #depth()}, from the shared walk. */
    ProjectWalker.Summary walk(Path start, ProjectWalker.FileHandler handler);
}
