package dev.controlplane.cache;

import java.time.Duration;

import dev.controlplane.cards.Card;
import dev.controlplane.config.ControlPlaneConfig;

/**
 * How long a card's computation may run before it fails with a timeout: a status card has the short limit, a deep
 * analysis (a whole-tree parse, on demand) the long one. Every wait on a computation uses the card's own limit, so
 * a reader of a deep-analysis peer does not give up before the peer does.
 */
record ComputeTimeouts(Duration standard, Duration deepAnalysis) {
    static ComputeTimeouts of(ControlPlaneConfig.Cache config) {
        return new ComputeTimeouts(config.computeTimeout(), config.analysisTimeout());
    }

    Duration of(Card card) {
        return card.deepAnalysis() ? deepAnalysis : standard;
    }
}
