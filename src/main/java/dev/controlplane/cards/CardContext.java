package dev.controlplane.cards;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.project.ProjectAccess;
import dev.controlplane.project.ProjectModel;
import dev.controlplane.support.Manifests;
import dev.controlplane.support.ProjectWalker;
import dev.controlplane.support.ToolRunner;

/**
 * What a card computes against: the project root, the walk depth, a place for state it keeps between runs,
 * tool execution with the configured timeout, and a way to add watch paths it discovers while computing (so
 * nested layouts get the same staleness guarantees as flat ones).
 */
public final class CardContext implements ProjectAccess {
    private final Path root;
    private final Path stateDir;
    private final int depth;
    private final Duration toolTimeout;
    private final Set<String> declaredPeers;
    private final ProjectModel project;
    private final Peers peers;
    private final Set<String> undeclared = Collections.synchronizedSet(new LinkedHashSet<>());
    private final Set<String> discovered = Collections.synchronizedSet(new LinkedHashSet<>());

    /** How a card reads another card's current result (supplied by the cache; cards never see the cache). */
    @FunctionalInterface
    public interface Peers {
        /** The current payload of card {@code key}: from the cache when fresh, else computed now. */
        ObjectNode get(String key) throws Exception;

        /** The peer's cached payload without computing or waiting; null when it is not cached. */
        default ObjectNode cached(String key) {
            return null;
        }
    }

    /**
     * The least depth a card walks to when computing. The watch depth (8 by default) is counted from each
     * watched directory; a card walks from the project root, where a multi-module Java source file sits at
     * depth 9 or more ({@code module/src/main/java/com/acme/app/x/Y.java}). The file cap of the walker still
     * bounds the cost.
     */
    public static final int MIN_COMPUTE_DEPTH = 24;

    /**
     * @param declaredPeers the computing card's {@link Card#peers()}: the only keys {@link #peer} will read
     * @param peers         how those are read
     */
    public CardContext(Path root, Path stateDir, int depth, Duration toolTimeout, Set<String> declaredPeers,
            Peers peers) {
        this(root, stateDir, depth, toolTimeout, declaredPeers, peers, new ProjectModel(root));
    }

    /** @param project the project model of this refresh, shared with the other cards computing in it */
    public CardContext(Path root, Path stateDir, int depth, Duration toolTimeout, Set<String> declaredPeers,
            Peers peers, ProjectModel project) {
        this.project = project;
        this.root = root;
        this.stateDir = stateDir;
        this.depth = Math.max(depth, MIN_COMPUTE_DEPTH);
        this.toolTimeout = toolTimeout;
        this.declaredPeers = Set.copyOf(declaredPeers);
        this.peers = peers;
    }

    /** A context without peers: for tests and tools that compute one card on its own. */
    /**
     * As {@link #standalone(Path)} for a card that reads others: its declared peers may be asked for, and are
     * absent (a cached-only read finds nothing, a computing read fails).
     */
    public static CardContext standalone(Card card, Path root) {
        return new CardContext(root, root.resolve(".state"), MIN_COMPUTE_DEPTH, ToolRunner.DEFAULT_TIMEOUT,
                card.peers(), key -> {
                    throw new IllegalStateException("no peer card '" + key + "' outside the cache");
                });
    }

    public static CardContext standalone(Path root) {
        return new CardContext(root, root.resolve(".state"), MIN_COMPUTE_DEPTH, ToolRunner.DEFAULT_TIMEOUT, Set.of(),
                key -> {
                    throw new IllegalStateException("no peer card '" + key + "' outside the cache");
                });
    }

    /**
     * The current result of another card (project-status summarises the integration cards, audit:scores the
     * devops ones). Only a declared peer can be read: an undeclared read would escape staleness, bust
     * cascades and recompute order, so it fails at once (and with it the card's test), whatever the caller
     * does with other failures.
     */
    public ObjectNode peer(String key) throws Exception {
        checkDeclared(key);
        return peers.get(key);
    }

    private void checkDeclared(String key) {
        if (!declaredPeers.contains(key)) {
            undeclared.add(key);
            throw new UndeclaredPeerException(key, declaredPeers);
        }
    }

    /**
     * Another card's cached payload, never computed nor waited for: how a local card reads a remote one (it is
     * recomputed when that one changes). The key must be a declared peer, as for {@link #peer(String)}.
     */
    public java.util.Optional<ObjectNode> cachedPeer(String key) {
        checkDeclared(key);
        return java.util.Optional.ofNullable(peers.cached(key));
    }

    /**
     * Undeclared peers this computation tried to read: checked by the cache after {@code compute}, so a card
     * that catches the exception still fails.
     */
    public Set<String> undeclaredPeerReads() {
        synchronized (undeclared) {
            return new LinkedHashSet<>(undeclared);
        }
    }

    /** Reading a card not listed in {@link Card#peers()}: a programming error, never a project state. */
    public static final class UndeclaredPeerException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        UndeclaredPeerException(String key, Set<String> declared) {
            super("peer '" + key + "' is read but not declared in peers() " + new java.util.TreeSet<>(declared));
        }
    }

    public Path root() {
        return root;
    }

    /** The project as read once for this refresh: shared walks and parsed manifests. */
    public ProjectModel project() {
        return project;
    }

    /** {@code .state/} of the project: for cards that keep history (e.g. score trends). */
    public Path stateDir() {
        return stateDir;
    }

    public int depth() {
        return depth;
    }

    /** A path inside the project. */
    public Path path(String relative) {
        return root.resolve(relative).normalize();
    }

    /** A project-relative path with forward slashes, as shown to users. */
    public String rel(Path path) {
        return Manifests.relative(path, root);
    }

    public boolean isFile(String relative) {
        return isFile(path(relative));
    }

    public boolean isDirectory(String relative) {
        return isDirectory(path(relative));
    }

    /** A regular file inside the project, not a link: paths built from the project's own files can point anywhere. */
    public boolean isFile(Path path) {
        return contains(path) && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** A directory inside the project, not a link. */
    public boolean isDirectory(Path path) {
        return contains(path) && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** Whether {@code path} stays inside the project as written: a reference like {@code ../../x} must not leak out. */
    public boolean contains(Path path) {
        return path.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize());
    }

    /**
     * Whether {@code path} exists and is inside the project with every link resolved: a path such as
     * {@code core/target/surefire-reports} passes through {@code target} even when that is a link elsewhere.
     */
    public boolean reallyContains(Path path) {
        try {
            return path.toRealPath().startsWith(root.toRealPath());
        } catch (java.io.IOException | SecurityException e) {
            return false;
        }
    }

    /** Adds a watch path found while computing (same syntax as {@link Card#watchPaths()}). */
    public void watch(String relative) {
        discovered.add(relative);
    }

    public Set<String> discoveredWatchPaths() {
        synchronized (discovered) {
            return new LinkedHashSet<>(discovered);
        }
    }

    /** Runs a tool in the project directory with the configured timeout (no shell). */
    public ToolRunner.Result run(String... command) {
        return ToolRunner.run(root, toolTimeout, command);
    }

    /** As {@link #run(String...)}, with a shorter timeout for a probe that should answer at once. */
    public ToolRunner.Result run(Duration timeout, String... command) {
        Duration shorter = timeout.compareTo(toolTimeout) < 0 ? timeout : toolTimeout;
        return ToolRunner.run(root, shorter, command);
    }

    /** As {@link #run(String...)}, with extra environment variables (e.g. to switch off update checks). */
    public ToolRunner.Result run(java.util.Map<String, String> environment, String... command) {
        return ToolRunner.run(root, toolTimeout, environment, java.util.List.of(command));
    }

    public Duration toolTimeout() {
        return toolTimeout;
    }

    /** Regular files under a project directory that match, to the configured depth (from the shared walk). */
    public List<Path> files(Path start, int limit, Predicate<Path> filter) {
        return project.files(start, depth, limit, filter);
    }

    /** Walks a project directory to the configured depth (see {@link ProjectWalker}), once per refresh. */
    public ProjectWalker.Summary walk(Path start, ProjectWalker.FileHandler handler) {
        return project.walk(start, depth, ProjectWalker.DEFAULT_MAX_FILES, handler);
    }
}
