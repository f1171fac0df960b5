package dev.controlplane.events;

import java.util.List;

/**
 * State a client that connects without a usable position needs besides the snapshot, e.g. the output of the
 * jobs still running. The bus calls both methods under its lock: {@link #track} with every published event
 * and {@link #frames} when it sends a snapshot, so what a catch-up holds is exactly what was published up to
 * the snapshot's position (no line missing, none repeated by the live frames that follow).
 */
public interface CatchUp {

    /** Sees every event the bus publishes, in seq order. Must be quick and must not publish. */
    void track(BusEvent event);

    /** The events sent right after {@code state:snapshot}, at its position (they consume no seq). */
    List<BusEvent> frames();
}
