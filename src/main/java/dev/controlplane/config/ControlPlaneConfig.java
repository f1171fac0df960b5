package dev.controlplane.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Every setting of the control plane, under the {@code controlplane.} prefix. Each one is also settable as an
 * environment variable ({@code CONTROLPLANE_WATCH_INTERVAL=10s}). Defaults work with no configuration at all.
 */
@ConfigMapping(prefix = "controlplane")
public interface ControlPlaneConfig {

    /** The project the dashboard describes. Default: the working directory the server was started in. */
    @WithDefault(".")
    String projectRoot();

    /** Open the dashboard in the desktop's browser once the server listens ({@code --open}). */
    @WithDefault("false")
    boolean open();

    Watch watch();

    Events events();

    Cache cache();

    Security security();

    Bench bench();

    Tools tools();

    Remote remote();
    Jobs jobs();

    Audit audit();

    interface Audit {
        /**
         * The most source files the Audit L2 code cards analyse (the first in path order); a larger tree is shown
         * as partial ({@code truncated}, {@code files_total}) rather than risking the heap.
         */
        @WithDefault("100000")
        int l2MaxFiles();
    }

    interface Watch {
        /** How often the scheduled poll compares fingerprints (the WatchService nudges in between). */
        @WithDefault("5s")
        Duration interval();

        /** Use the OS file-watch service for sub-second staleness; false = poll only. */
        @WithDefault("true")
        boolean service();

        /** Directory depth walked below each watch root. */
        @WithDefault("8")
        int depth();

        /** Recompute stale cards whose preference is {@code auto} after a quiet period. */
        @WithDefault("false")
        boolean autoRefresh();

        /** Quiet period before an auto-refresh, so a burst of saves yields one recompute. */
        @WithDefault("1s")
        Duration quietPeriod();

        /**
         * Once the WatchService covers every watched directory, the full poll is only a safety net for what
         * inotify cannot see (e.g. a network filesystem mounted into the project), so it runs this rarely: a
         * full pass over a 100,000-file project costs about a second of CPU, which every 60 s would already
         * be over 1 % of a core while idle.
         */
        @WithDefault("10m")
        Duration healthyPollInterval();
    }

    interface Events {
        /** Events kept for replay to reconnecting clients. */
        @WithDefault("500")
        int buffer();

        /** Frames a slow client may lag behind before it is disconnected (it then resumes by replay). */
        @WithDefault("200")
        int subscriberBuffer();

        /** Keep-alive frame interval on an idle stream. */
        @WithDefault("15s")
        Duration heartbeat();
    }

    interface Cache {
        /** A card whose computation takes longer fails with a timeout error (its last good data is kept). */
        @WithDefault("30s")
        Duration computeTimeout();

        /**
         * The limit for a deep-analysis card ({@code Card.deepAnalysis()}, the on-demand Audit L2 cards): parsing
         * every source of a 50k-file tree costs 10-20 s of CPU, minutes on a busy laptop, far beyond a status
         * card's limit.
         */
        @WithDefault("5m")
        Duration analysisTimeout();

        /** Recompute missing or outdated cards in the background at start-up. */
        @WithDefault("true")
        boolean warmOnStart();

        /** Cards computed in parallel. */
        @WithDefault("4")
        int workers();
    }

    interface Security {
        /**
         * Host names accepted in the {@code Host} header (DNS-rebinding defence), any port. Default: localhost,
         * 127.0.0.1 and [::1].
         */
        @WithDefault("localhost,127.0.0.1,[::1]")
        List<String> allowedHosts();
    }

    interface Bench {
        /** Enables {@code POST /api/bench/publish}, a publish hook for the fan-out benchmark only. */
        @WithDefault("false")
        boolean enabled();
    }

    interface Tools {
        /**
         * Directories searched before {@code PATH} for external tools (git, gh, kubectl, ...): a tool installed
         * outside the server's PATH, or a pinned version, is found without changing the environment.
         */
        Optional<List<String>> path();
    }

    interface Remote {
        /** How often remote keys ({@code gh-*}) are refreshed while at least one browser tab is connected. */
        @WithDefault("60s")
        Duration interval();

        /** Timeout of one {@code gh} call: a remote answer that takes longer counts as offline. */
        @WithDefault("5s")
        Duration timeout();
    }

    interface Jobs {
        /** Jobs running at once; the rest wait in the queue. */
        @WithDefault("2")
        int maxRunning();

        /** A job still running after this long is killed (its whole process group) and marked timed_out. */
        @WithDefault("30m")
        Duration timeout();

        /** Finished jobs kept in {@code .state/jobs/} (record and log). */
        @WithDefault("20")
        int keep();

        /** Log bytes kept per job: past this the head of the log is dropped, the tail kept. */
        @WithDefault("5M")
        io.quarkus.runtime.configuration.MemorySize maxLog();
    }
}
