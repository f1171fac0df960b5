package dev.controlplane.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.controlplane.watch.StalenessWatcher;
import dev.controlplane.watch.WatchStats;

/** How the staleness watcher is doing. */
@Path("/api/watch")
public class WatchResource {
    private final StalenessWatcher watcher;

    public WatchResource(StalenessWatcher watcher) {
        this.watcher = watcher;
    }

    @GET
    @Path("/stats")
    @Produces(MediaType.APPLICATION_JSON)
    public WatchStats stats() {
        return watcher.stats();
    }
}
