package dev.controlplane.cache;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardRegistry;
import dev.controlplane.cards.Pref;
import dev.controlplane.events.BusEvent;
import dev.controlplane.events.EventTypes;

/**
 * Per-card display preference ({@code auto}, {@code manual}, {@code hidden}), defaults from the cards,
 * persisted in {@code .state/devops_prefs.json}. Every save publishes {@code prefs:changed} with the full map,
 * which is how other open tabs follow.
 */
@ApplicationScoped
public class Preferences {
    public static final String FILE = "devops_prefs.json";

    private final CardRegistry registry;
    private final StateFiles files;
    private final Event<BusEvent> events;
    private final Map<String, Pref> overrides = new LinkedHashMap<>();

    public Preferences(CardRegistry registry, StateFiles files, Event<BusEvent> events) {
        this.registry = registry;
        this.files = files;
        this.events = events;
    }

    /** Loads saved preferences, ignoring unknown cards and invalid values in the file. */
    public synchronized void load() {
        overrides.clear();
        files.read(FILE).ifPresent(node -> node.fields().forEachRemaining(e -> {
            if (registry.find(e.getKey()).isPresent()) {
                Pref.parse(e.getValue().asText()).ifPresent(p -> overrides.put(e.getKey(), p));
            }
        }));
    }

    public synchronized Pref of(String key) {
        Pref pref = overrides.get(key);
        if (pref != null) {
            return pref;
        }
        return registry.find(key).map(Card::defaultPref).orElse(Pref.AUTO);
    }

    /** Every card's preference, in display order. */
    public synchronized ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (Card card : registry.all()) {
            node.put(card.key(), of(card.key()).id());
        }
        return node;
    }

    /**
     * Applies {@code {key: auto|manual|hidden}} for some or all cards. Everything is validated before
     * anything changes.
     *
     * @throws InvalidPreferenceException naming the first bad key
     */
    public ObjectNode update(JsonNode changes) {
        if (changes == null || !changes.isObject()) {
            throw new InvalidPreferenceException(null, "expected a JSON object {card: auto|manual|hidden}");
        }
        Map<String, Pref> parsed = new LinkedHashMap<>();
        var fields = changes.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (registry.find(field.getKey()).isEmpty()) {
                // A hostile key (10 KB, control characters) is echoed shortened, as for an unknown card.
                String shown = UnknownCardException.shorten(field.getKey());
                throw new InvalidPreferenceException(shown, "unknown card '" + shown + "'");
            }
            Pref pref = field.getValue().isTextual() ? Pref.parse(field.getValue().asText()).orElse(null) : null;
            if (pref == null) {
                throw new InvalidPreferenceException(field.getKey(),
                        "invalid preference for '" + field.getKey() + "': expected auto, manual or hidden");
            }
            parsed.put(field.getKey(), pref);
        }
        ObjectNode saved;
        synchronized (this) {
            overrides.putAll(parsed);
            saved = toJson();
            files.write(FILE, saved);
        }
        events.fire(BusEvent.of(EventTypes.PREFS_CHANGED, "", saved.deepCopy()));
        return saved;
    }

    /** A preference update that names a card or a value that does not exist. */
    public static final class InvalidPreferenceException extends RuntimeException {
        private final String key;

        public InvalidPreferenceException(String key, String message) {
            super(message);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
