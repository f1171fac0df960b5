package dev.controlplane.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: no client that normalises {@code ../}, re-encodes
 * {@code %2e}, refuses a {@code Content-Length} that lies or adds headers of its own. Hostile requests are
 * only hostile when they reach the server unchanged.
 */
public final class RawHttp {
    private final String host;
    private final int port;

    public RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** A parsed response; header names are lower case. */
    public record Response(int status, String statusLine, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** How a request body is sent. */
    public enum BodyMode {
        /** {@code Content-Length} = the body's length. */
        LENGTH,
        /** {@code Transfer-Encoding: chunked}, in 8 KB chunks. */
        CHUNKED,
        /**
         * Only the headers (the caller's {@code Content-Length} announces a body); the body follows only if no
         * answer came within a second. A server that judges by the announced length answers at once.
         */
        HEADERS_FIRST
    }

    public static final class Request {
        private final String method;
        private final String target;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private BodyMode mode = BodyMode.LENGTH;

        private Request(String method, String target) {
            this.method = method;
            this.target = target;
        }

        public Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Request body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        public Request body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        public Request mode(BodyMode mode) {
            this.mode = mode;
            return this;
        }

        public String describe() {
            return method + " " + target;
        }
    }

    public static Request request(String method, String target) {
        return new Request(method, target);
    }

    public Response send(Request request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder();
            head.append(request.method).append(' ').append(request.target).append(" HTTP/1.1\r\n");
            if (request.headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Host"))) {
                head.append("Host: localhost:").append(port).append("\r\n");
            }
            request.headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Connection: close\r\n");
            byte[] body = request.body;
            if (body != null) {
                if (request.mode == BodyMode.CHUNKED) {
                    head.append("Transfer-Encoding: chunked\r\n");
                } else if (request.mode == BodyMode.LENGTH) {
                    head.append("Content-Length: ").append(body.length).append("\r\n");
                }
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            if (body != null) {
                try {
                    writeBody(in, out, body, request.mode);
                } catch (IOException e) {
                    // The server answered and closed before taking the whole body (413): read what it said.
                }
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("request " + request.describe() + " failed", e);
        }
    }

    /** The start of an SSE stream: status, headers and the {@code event:} names of the first frames. */
    public record StreamStart(int status, Map<String, List<String>> headers, List<String> events) {
    }

    /**
     * Opens a stream as a browser's EventSource does (HTTP/1.1, no upgrade) and reads the first {@code frames}
     * frames, or fewer if the stream ends or {@code seconds} pass; then hangs up.
     */
    public StreamStart stream(Request request, int frames, int seconds) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5000);
            socket.setSoTimeout(seconds * 1000);
            StringBuilder head = new StringBuilder();
            head.append(request.method).append(' ').append(request.target).append(" HTTP/1.1\r\n");
            head.append("Host: localhost:").append(port).append("\r\n");
            request.headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String statusLine = line(in);
            if (statusLine == null) {
                throw new IOException("connection closed without a response");
            }
            int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            String line;
            while ((line = line(in)) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
                }
            }
            List<String> events = new ArrayList<>();
            if (status != 200) {
                return new StreamStart(status, headers, events);
            }
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            try {
                while (events.size() < frames && System.nanoTime() < deadline && (line = line(in)) != null) {
                    // Chunk-size lines of a chunked body are hex numbers; they never start with "event:".
                    if (line.startsWith("event:")) {
                        String event = line.substring(6).trim();
                        if (!event.equals("sys:heartbeat")) {
                            events.add(event);
                        }
                    }
                }
            } catch (SocketTimeoutException e) {
                // fewer frames than asked for: the caller sees how many came
            }
            return new StreamStart(status, headers, events);
        } catch (IOException e) {
            throw new UncheckedIOException("stream " + request.describe() + " failed", e);
        }
    }

    private static void writeBody(InputStream in, OutputStream out, byte[] body, BodyMode mode)
            throws IOException {
        switch (mode) {
            case LENGTH -> out.write(body);
            case CHUNKED -> {
                for (int offset = 0; offset < body.length; offset += 8192) {
                    int n = Math.min(8192, body.length - offset);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body, offset, n);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            case HEADERS_FIRST -> {
                long deadline = System.nanoTime() + 1_000_000_000L;
                while (in.available() == 0 && System.nanoTime() < deadline) {
                    sleep(20);
                }
                if (in.available() == 0) {
                    out.write(body);
                }
            }
        }
        out.flush();
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed without a response");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String line;
        while ((line = line(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        byte[] body;
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
            body = chunked(in);
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length.get(0)));
        } else {
            body = readToEnd(in);
        }
        return new Response(status, statusLine, headers, body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                return out.toByteArray();
            }
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (n == 0) {
                while (true) {
                    String trailer = line(in);
                    if (trailer == null || trailer.isEmpty()) {
                        return out.toByteArray();
                    }
                }
            }
            out.write(in.readNBytes(n));
            line(in);
        }
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // a server that keeps the connection open or resets it after a complete answer
        }
        return out.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
