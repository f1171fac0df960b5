package dev.controlplane.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body of every error response: {@code {error}} and, for card errors, {@code key}. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String key) {

    public static Response response(int status, String message) {
        return response(status, message, null);
    }

    public static Response response(int status, String message, String key) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(message, key)).build();
    }
}
