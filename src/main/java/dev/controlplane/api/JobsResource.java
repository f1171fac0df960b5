package dev.controlplane.api;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.Iterator;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.controlplane.jobs.ActionCatalogue;
import dev.controlplane.jobs.JobRequestException;
import dev.controlplane.jobs.Jobs;

/**
 * The jobs API. A job can only be started by naming a catalogue action: the body is exactly
 * {@code {"action": "<id>"}}, so no command, argument or directory ever comes from a request. Every route is
 * behind {@link RequestGuard} (Host, and intent for POST); a GET never starts anything.
 */
@Path("/api/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {
    private static final long MAX_LINE_NUMBER = 1_000_000_000_000L;

    private final ActionCatalogue catalogue;
    private final Jobs jobs;

    public JobsResource(ActionCatalogue catalogue, Jobs jobs) {
        this.catalogue = catalogue;
        this.jobs = jobs;
    }

    @GET
    @Path("/actions")
    public ArrayNode actions() {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        catalogue.all().forEach(action -> list.add(action.toJson()));
        return list;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(JsonNode body) {
        String action = actionOf(body);
        return Response.accepted(jobs.start(action)).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    public ArrayNode list() {
        return jobs.list();
    }

    @GET
    @Path("/{id}")
    public ObjectNode get(@PathParam("id") String id) {
        return jobs.get(id);
    }

    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") String id) {
        return Response.accepted(jobs.cancel(id)).type(MediaType.APPLICATION_JSON).build();
    }

    /** The full (masked) log as text; {@code from_line} (1-based) skips what the caller already has. */
    @GET
    @Path("/{id}/log")
    @Produces(MediaType.TEXT_PLAIN)
    public Response log(@PathParam("id") String id, @QueryParam("from_line") String fromLine) {
        long from = lineNumber(fromLine);
        Jobs.LogView view = jobs.log(id);
        long first = Math.max(from, view.firstLineInFile());
        StreamingOutput body = out -> {
            if (!Files.isRegularFile(view.file())) {
                return;
            }
            try (InputStream in = Jobs.read(view, first)) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                .header("X-First-Line", first).header("X-Lines-Total", view.linesTotal()).build();
    }

    @ServerExceptionMapper
    public Response jobRequest(JobRequestException e) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("error", e.getMessage());
        if (e.id() != null) {
            error.put("id", e.id());
        }
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(error).build();
    }

    /** The body must be exactly {@code {"action": "<id>"}}: any other field is refused, not ignored. */
    static String actionOf(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadInputException("expected a JSON object {\"action\": \"<id>\"}");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("action")) {
                throw new BadInputException("unknown field '" + Flags.abbreviate(name)
                        + "': the body is exactly {\"action\": \"<id>\"}; commands come from the catalogue only");
            }
        }
        JsonNode action = body.get("action");
        if (action == null || !action.isTextual() || action.asText().isBlank() || action.asText().length() > 300) {
            throw new BadInputException("'action' must be an action id from GET /api/jobs/actions");
        }
        return action.asText();
    }

    private static long lineNumber(String value) {
        if (value == null || value.isEmpty()) {
            return 1;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= 1 && n <= MAX_LINE_NUMBER) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadInputException("'from_line' must be a line number from 1");
    }
}
