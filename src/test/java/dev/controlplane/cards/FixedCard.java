package dev.controlplane.cards;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stand-in peer for cards that summarise other cards: it answers with the JSON it was given (or fails with
 * the message it was given), so a test states exactly what the summarising card reads.
 */
public final class FixedCard implements Card {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String key;
    private final ObjectNode data;
    private final String failure;

    private FixedCard(String key, ObjectNode data, String failure) {
        this.key = key;
        this.data = data;
        this.failure = failure;
    }

    /** A peer answering {@code json} (single quotes allowed, to keep expectations readable). */
    public static FixedCard of(String key, String json) {
        try {
            return new FixedCard(key, (ObjectNode) JSON.readTree(json.replace('\'', '"')), null);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A peer whose computation fails with {@code message}. */
    public static FixedCard failing(String key, String message) {
        return new FixedCard(key, null, message);
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String title() {
        return key;
    }

    @Override
    public String description() {
        return "fixed test data";
    }

    @Override
    public Tab tab() {
        return Tab.DEVOPS;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public List<String> watchPaths() {
        return List.of();
    }

    @Override
    public String alias() {
        return "/api/test/" + key;
    }

    @Override
    public ObjectNode compute(CardContext context) {
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return data.deepCopy();
    }

}
