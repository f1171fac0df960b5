package dev.controlplane.api;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cache.CacheEntry;
import dev.controlplane.cache.Served;

/**
 * A card response as the JSON bytes it is sent as. A hit is written from its entry's data serialised once per
 * entry; per request only the small {@code _cache} object is written and appended. Copying and serialising the
 * whole tree on every hit was the largest share of a hit's server time (issue #10: a JFR profile of warm hits on
 * fresh connections, whose request path still runs in the interpreter: Jackson tree serialisation and
 * {@code deepCopy} were about a third of the samples). The bytes are exactly those the tree would give.
 */
@ApplicationScoped
public class CardBodies {
    private static final byte[] CACHE_FIELD = "\"_cache\":".getBytes(StandardCharsets.UTF_8);

    /** An entry's data serialised without its closing brace, kept while the entry is the card's current one. */
    private record Stored(CacheEntry entry, byte[] open) {
    }

    private final ObjectMapper mapper;
    /** One per card key: a new entry replaces it, so it never holds more than the cache does. */
    private final Map<String, Stored> stored = new ConcurrentHashMap<>();

    public CardBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    byte[] of(Served served) {
        return served.hit() != null ? hit(served.hit(), System.currentTimeMillis() / 1000.0) : write(served.computed());
    }

    /** The bytes of {@code entry.payload(true, now)}. */
    byte[] hit(CacheEntry entry, double now) {
        if (entry.data().has("_cache")) {
            return write(entry.payload(true, now)); // the tree would keep that field in its place
        }
        Stored known = stored.get(entry.key());
        if (known == null || known.entry() != entry) {
            known = new Stored(entry, open(entry.data()));
            stored.put(entry.key(), known);
        }
        byte[] open = known.open();
        byte[] meta = write(entry.cacheMeta(true, now));
        ByteArrayOutputStream out = new ByteArrayOutputStream(open.length + CACHE_FIELD.length + meta.length + 2);
        out.write(open, 0, open.length);
        if (open.length > 1) {
            out.write(',');
        }
        out.write(CACHE_FIELD, 0, CACHE_FIELD.length);
        out.write(meta, 0, meta.length);
        out.write('}');
        return out.toByteArray();
    }

    /** The data as written, without its closing brace: {@code {"a":1}} gives {@code {"a":1}. */
    private byte[] open(ObjectNode data) {
        byte[] whole = write(data);
        if (whole.length < 2 || whole[0] != '{' || whole[whole.length - 1] != '}') {
            throw new IllegalStateException("a card's data is not written as one JSON object");
        }
        return Arrays.copyOf(whole, whole.length - 1);
    }

    private byte[] write(ObjectNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For tests: how many entries' data is held serialised. */
    int storedCount() {
        return stored.size();
    }
}
