package dev.controlplane.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.ResponseHeader;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.cache.Preferences;
import dev.controlplane.cards.Card;
import dev.controlplane.cards.CardRegistry;
import dev.controlplane.cards.Pref;
import dev.controlplane.cards.Tab;
import dev.controlplane.events.EventBus;
import dev.controlplane.events.SnapshotView;
import dev.controlplane.support.ProjectDirectory;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The dashboard page and its JavaScript store, both rendered by Qute. The page carries the current snapshot
 * (every card the server has, with times and stale flags) and the stream position it reflects, so the first
 * paint needs no API round trip and the stream resumes exactly after it.
 */
@Path("/")
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(PageView page);

        static native TemplateInstance store(StoreView store);
    }

    /** One card's place on the page. */
    public record CardView(String key, String title, String description, String pref, boolean hidden) {
    }

    /** One tab with its cards. */
    public record TabView(String id, String label, List<CardView> cards) {
    }

    /** Everything the page template shows. */
    /** Everything the page template shows; {@code bootJson} is already safe inside a script element. */
    public record PageView(String projectName, String projectPath, List<TabView> tabs, String bootJson,
            String assetVersion) {
    }

    /** What the store script is rendered with. */
    public record StoreView(String assetVersion) {
    }

    /** Changes with every start, so a browser never runs a cached script of another version against the server. */
    static final String ASSET_VERSION = Long.toString(System.currentTimeMillis(), 36);

    private final CardRegistry registry;
    private final Preferences preferences;
    private final EventBus bus;
    private final ProjectDirectory project;
    private final ObjectMapper mapper;

    public DashboardResource(CardRegistry registry, Preferences preferences, EventBus bus, ProjectDirectory project,
            ObjectMapper mapper) {
        this.registry = registry;
        this.preferences = preferences;
        this.bus = bus;
        this.project = project;
        this.mapper = mapper;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public String page() {
        SnapshotView snapshot = bus.snapshotView();
        List<TabView> tabs = new ArrayList<>();
        ObjectNode cards = mapper.createObjectNode();
        for (Tab tab : Tab.values()) {
            List<CardView> views = new ArrayList<>();
            for (Card card : registry.all()) {
                if (!card.tabs().contains(tab)) {
                    continue;
                }
                Pref pref = preferences.of(card.key());
                views.add(new CardView(card.key(), card.title(), card.description(), pref.id(), pref == Pref.HIDDEN));
                ObjectNode info = cards.putObject(card.key()).put("title", card.title())
                        .put("tab", card.tabs().get(0).id());
                info.set("tabs", mapper.valueToTree(card.tabs().stream().map(Tab::id).toList()));
                info.set("dependents", mapper.valueToTree(registry.graph().dependents(card.key())));
            }
            tabs.add(new TabView(tab.id(), tab.label(), views));
        }
        ObjectNode boot = mapper.createObjectNode();
        boot.put("instance_id", snapshot.instanceId());
        boot.put("position", snapshot.position());
        boot.set("snapshot", snapshot.entries());
        boot.set("prefs", preferences.toJson());
        boot.set("cards", cards);
        PageView page = new PageView(project.name(), project.root().toString(), tabs, ScriptJson.write(mapper, boot),
                ASSET_VERSION);
        return Templates.page(page).render();
    }

    @GET
    @Path("app.js")
    @Produces("text/javascript")
    @ResponseHeader(name = "Cache-Control", value = "no-cache")
    public String store() {
        return Templates.store(new StoreView(ASSET_VERSION)).render();
    }
}
