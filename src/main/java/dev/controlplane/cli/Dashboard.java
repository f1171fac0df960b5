package dev.controlplane.cli;

import java.util.List;

import dev.controlplane.api.StartupBanner;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/** The running dashboard: serves until stopped; {@code --open} points the browser at it once it listens. */
public class Dashboard implements QuarkusApplication {
    private final StartupBanner banner;

    public Dashboard(StartupBanner banner) {
        this.banner = banner;
    }

    @Override
    public int run(String... args) throws Exception {
        // The arguments were checked before start-up; only the action after listening is left to do.
        if (CommandLine.parse(List.of(args)).open()) {
            BrowserOpener.open(banner.url());
        }
        Quarkus.waitForExit();
        return ControlPlaneMain.EXIT_OK;
    }
}
