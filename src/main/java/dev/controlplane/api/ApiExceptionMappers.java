package dev.controlplane.api;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.controlplane.cache.CardFailedException;
import dev.controlplane.cache.Preferences.InvalidPreferenceException;
import dev.controlplane.cache.UnknownCardException;
import io.quarkus.logging.Log;

/**
 * Turns every failure of a JSON endpoint into {@code {error}} with a fitting status: never a stack trace,
 * never an HTML error page.
 */
public class ApiExceptionMappers {

    @ServerExceptionMapper
    public Response unknownCard(UnknownCardException e) {
        return ApiError.response(404, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response cardFailed(CardFailedException e) {
        return ApiError.response(500, "card '" + e.key() + "' failed: " + e.getMessage(), e.key());
    }

    @ServerExceptionMapper
    public Response invalidPreference(InvalidPreferenceException e) {
        return ApiError.response(400, e.getMessage(), e.key());
    }

    @ServerExceptionMapper
    public Response invalidInput(BadInputException e) {
        return ApiError.response(400, e.getMessage());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return ApiError.response(400, "malformed JSON body: " + e.getOriginalMessage());
    }

    /**
     * More specific than {@link #malformedJson}: without it Quarkus's own mapper for this type answers a bare 400
     * (e.g. for two JSON documents in one body).
     */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        String message = e.getOriginalMessage();
        int bound = message == null ? -1 : message.indexOf(" (bound as");
        return ApiError.response(400, "malformed JSON body: " + (bound > 0 ? message.substring(0, bound) : message));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return ApiError.response(404, "not found");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = switch (status) {
            case 400 -> "bad request" + reason(e);
            case 405 -> "method not allowed";
            case 406 -> "not acceptable";
            case 413 -> "request body too large";
            case 415 -> "unsupported content type: send application/json";
            default -> e.getResponse().getStatusInfo().getReasonPhrase();
        };
        return ApiError.response(status, message);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        Log.errorf(e, "Unexpected error");
        return ApiError.response(500, "internal error: " + e.getClass().getSimpleName());
    }

    private static String reason(WebApplicationException e) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return ": malformed JSON body (" + json.getOriginalMessage() + ")";
        }
        return "";
    }
}
