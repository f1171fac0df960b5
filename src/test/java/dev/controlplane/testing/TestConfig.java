package dev.controlplane.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.controlplane.config.ControlPlaneConfig;

/** The configuration with its defaults, for plain unit tests that build beans by hand. */
public class TestConfig implements ControlPlaneConfig {
    private final Path root;
    public Duration computeTimeout = Duration.ofSeconds(30);
    public Duration analysisTimeout = Duration.ofMinutes(5);
    public int workers = 4;
    public int depth = 8;
    public int jobsMaxRunning = 2;
    public Duration jobsTimeout = Duration.ofMinutes(30);
    public int jobsKeep = 20;
    public long jobsMaxLog = 5L * 1024 * 1024;

    public TestConfig(Path root) {
        this.root = root;
    }

    @Override
    public String projectRoot() {
        return root.toString();
    }

    @Override
    public boolean open() {
        return false;
    }

    @Override
    public Watch watch() {
        return new Watch() {
            @Override
            public Duration interval() {
                return Duration.ofSeconds(5);
            }

            @Override
            public boolean service() {
                return true;
            }

            @Override
            public int depth() {
                return depth;
            }

            @Override
            public boolean autoRefresh() {
                return false;
            }

            @Override
            public Duration quietPeriod() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration healthyPollInterval() {
                return Duration.ofSeconds(60);
            }
        };
    }

    @Override
    public Events events() {
        return new Events() {
            @Override
            public int buffer() {
                return 500;
            }

            @Override
            public int subscriberBuffer() {
                return 200;
            }

            @Override
            public Duration heartbeat() {
                return Duration.ofSeconds(15);
            }
        };
    }

    @Override
    public Cache cache() {
        return new Cache() {
            @Override
            public Duration computeTimeout() {
                return computeTimeout;
            }

            @Override
            public Duration analysisTimeout() {
                return analysisTimeout;
            }

            @Override
            public boolean warmOnStart() {
                return false;
            }

            @Override
            public int workers() {
                return workers;
            }
        };
    }

    @Override
    public Security security() {
        return () -> List.of("localhost", "127.0.0.1", "[::1]");
    }

    @Override
    public Bench bench() {
        return () -> false;
    }

    @Override
    public Tools tools() {
        return java.util.Optional::empty;
    }

    @Override
    public Remote remote() {
        return new Remote() {
            @Override
            public Duration interval() {
                return Duration.ofSeconds(60);
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(30); // tests run a python fake gh on a shared, loaded machine
            }
        };
    }

    @Override
    public Audit audit() {
        return () -> 100_000;
    }

    @Override
    public Jobs jobs() {
        return new Jobs() {
            @Override
            public int maxRunning() {
                return jobsMaxRunning;
            }

            @Override
            public Duration timeout() {
                return jobsTimeout;
            }

            @Override
            public int keep() {
                return jobsKeep;
            }

            @Override
            public io.quarkus.runtime.configuration.MemorySize maxLog() {
                return new io.quarkus.runtime.configuration.MemorySize(java.math.BigInteger.valueOf(jobsMaxLog));
            }
        };
    }
}
