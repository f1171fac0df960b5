package dev.controlplane.cache;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardContext;
import dev.controlplane.cards.CardJson;
import dev.controlplane.cards.Level;
import dev.controlplane.cards.Tab;

/** A test card that counts the files under {@code data/} and can be told to fail, block or change schema. */
class CountingCard implements Card {
    final String key;
    final Tab tab;
    final AtomicInteger computations = new AtomicInteger();
    volatile String failWith;
    volatile CountDownLatch block;
    volatile int schema = 1;
    volatile Duration maxAge;
    volatile Set<String> peers = Set.of();
    volatile String reads;
    volatile String discover;
    /** When set, the card walks the project through its context and remembers the model it was given. */
    volatile boolean walk;
    volatile dev.controlplane.project.ProjectModel model;
    volatile boolean deepAnalysis;

    CountingCard(String key, Tab tab) {
        this.key = key;
        this.tab = tab;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String title() {
        return "Counting " + key;
    }

    @Override
    public String description() {
        return "Counts files for tests";
    }

    @Override
    public Tab tab() {
        return tab;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<String> watchPaths() {
        return List.of("data/", "config.txt");
    }

    @Override
    public String alias() {
        return "/api/test/" + key;
    }

    @Override
    public Set<String> peers() {
        return peers;
    }

    @Override
    public boolean deepAnalysis() {
        return deepAnalysis;
    }

    @Override
    public int schema() {
        return schema;
    }

    @Override
    public Optional<Duration> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    @Override
    public ObjectNode compute(CardContext context) throws Exception {
        computations.incrementAndGet();
        CountDownLatch latch = block;
        if (latch != null) {
            latch.await();
        }
        if (failWith != null) {
            throw new IllegalStateException(failWith);
        }
        if (reads != null) {
            context.peer(reads);
        }
        if (walk) {
            model = context.project();
            context.walk(context.root(), (file, attrs) -> true);
        }
        if (discover != null) {
            context.watch(discover);
        }
        Path data = context.path("data");
        long files;
        try (var stream = Files.exists(data) ? Files.list(data) : java.util.stream.Stream.<Path> empty()) {
            files = stream.count();
        }
        ObjectNode card = CardJson.object();
        card.put("files", files);
        card.put("run", computations.get());
        return CardJson.summary(card, CardJson.plural(files, "file", "files"), Level.OK);
    }
}
