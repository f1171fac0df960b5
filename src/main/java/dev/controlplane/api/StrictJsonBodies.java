package dev.controlplane.api;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies are read strictly: {@code {"card":"docs"} junk} or two documents in one body are malformed
 * (Jackson stops after the first value by default and would act on it), and a key given twice
 * ({@code {"docs":"hidden","docs":"auto"}}) is ambiguous rather than "last one wins". Both become a 400
 * {@code {error}} through {@link ApiExceptionMappers}. The same mapper reads {@code .state/}, where such a file
 * is then set aside as corrupt.
 */
@Singleton
public class StrictJsonBodies implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
