package dev.controlplane.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON that is safe inside an HTML {@code <script type="application/json">} block: {@code <}, {@code >} and
 * {@code &} are written as unicode escapes, so no file name or message from the project can close the
 * script element or open a comment; U+2028/U+2029 are escaped for old JavaScript parsers.
 */
final class ScriptJson {
    private ScriptJson() {
    }

    static String write(ObjectMapper mapper, Object value) {
        try {
            return escape(mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable", e);
        }
    }

    static String escape(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
