package dev.controlplane.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Many SSE clients on one selector thread: each reads everything as soon as it arrives and checks that live
 * {@code seq}s follow one another. A lean client on purpose — the load harness shares the app's 2 cores, and a
 * client that falls behind because the harness itself is slow would be counted against the server.
 *
 * <p>Speaks just enough HTTP/1.1: status line and headers, then a chunked (or plain) body of SSE lines, of
 * which only {@code id:} and {@code event:} and the blank line ending a frame matter.
 */
final class SseClientPool implements AutoCloseable {
    /** One connection's state. */
    static final class Client {
        final SocketChannel channel;
        long frames;
        long gaps;
        boolean ended;
        String endReason;
        private final StringBuilder head = new StringBuilder();
        private boolean headDone;
        private boolean chunked;
        private int chunkState; // 0 size line, 1 data, 2 CRLF after data
        private long chunkLeft;
        private final StringBuilder sizeLine = new StringBuilder();
        private final StringBuilder line = new StringBuilder();
        private boolean lineTooLong;
        private String event;
        private long id = -1;
        private long lastSeq = -1;

        Client(SocketChannel channel) {
            this.channel = channel;
        }

        void accept(ByteBuffer buffer) {
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (!headDone) {
                    head.append((char) b);
                    int n = head.length();
                    if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 2) == '\r' && head.charAt(n - 3) == '\n') {
                        headDone = true;
                        String text = head.toString().toLowerCase(java.util.Locale.ROOT);
                        chunked = text.contains("transfer-encoding: chunked");
                        if (!text.startsWith("http/1.1 200")) {
                            end("status " + head.substring(0, head.indexOf("\r")));
                            return;
                        }
                    }
                    continue;
                }
                if (!chunked) {
                    body(b);
                    continue;
                }
                switch (chunkState) {
                    case 0 -> {
                        if (b == '\n') {
                            String size = sizeLine.toString().trim();
                            int semicolon = size.indexOf(';');
                            chunkLeft = Long.parseLong(semicolon < 0 ? size : size.substring(0, semicolon), 16);
                            sizeLine.setLength(0);
                            if (chunkLeft == 0) {
                                end("stream completed by the server");
                                return;
                            }
                            chunkState = 1;
                        } else if (b != '\r') {
                            sizeLine.append((char) b);
                        }
                    }
                    case 1 -> {
                        body(b);
                        if (--chunkLeft == 0) {
                            chunkState = 2;
                        }
                    }
                    default -> {
                        if (b == '\n') {
                            chunkState = 0;
                        }
                    }
                }
            }
        }

        private void body(byte b) {
            if (b == '\n') {
                lineEnded();
                line.setLength(0);
                lineTooLong = false;
            } else if (b != '\r' && !lineTooLong) {
                if (line.length() < 64) {
                    line.append((char) b); // the start of a line is all that matters (id:, event:)
                } else {
                    lineTooLong = true;
                }
            }
        }

        private void lineEnded() {
            if (line.length() == 0) {
                if (event != null) {
                    frame();
                }
                event = null;
                id = -1;
            } else if (startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (startsWith("id:")) {
                id = Long.parseLong(line.substring(3).trim());
            }
        }

        private boolean startsWith(String prefix) {
            return line.length() >= prefix.length() && line.substring(0, prefix.length()).equals(prefix);
        }

        private void frame() {
            frames++;
            if (id < 0) {
                return; // heartbeat
            }
            if (event.equals("sys:ready") || event.equals("state:snapshot")) {
                lastSeq = id; // positions, not events: the next live event is id + 1
                return;
            }
            if (lastSeq >= 0 && id != lastSeq + 1) {
                gaps++;
            }
            lastSeq = id;
        }

        void end(String reason) {
            if (!ended) {
                ended = true;
                endReason = reason;
            }
        }
    }

    private final Selector selector;
    private final List<Client> clients = new ArrayList<>();
    private final Thread loop;
    private volatile boolean closing;

    private SseClientPool(Selector selector) {
        this.selector = selector;
        this.loop = new Thread(this::run, "sse-clients");
        this.loop.setDaemon(true);
    }

    static SseClientPool connect(int port, int count) throws IOException, InterruptedException {
        SseClientPool pool = new SseClientPool(Selector.open());
        byte[] request = ("GET /api/events HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.write(ByteBuffer.wrap(request));
            channel.configureBlocking(false);
            Client client = new Client(channel);
            pool.clients.add(client);
            channel.register(pool.selector, SelectionKey.OP_READ, client);
            if (i % 50 == 49) {
                Thread.sleep(50);
            }
        }
        pool.loop.start();
        return pool;
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(256 * 1024);
        while (!closing) {
            try {
                selector.select(200);
            } catch (IOException e) {
                return;
            }
            for (SelectionKey key : selector.selectedKeys()) {
                Client client = (Client) key.attachment();
                try {
                    int n;
                    while ((n = client.channel.read(buffer.clear())) > 0) {
                        buffer.flip();
                        client.accept(buffer);
                    }
                    if (n < 0) {
                        client.end("connection closed by the server");
                    }
                } catch (IOException | RuntimeException e) {
                    client.end(e.toString());
                }
                if (client.ended) {
                    key.cancel();
                }
            }
            selector.selectedKeys().clear();
        }
    }

    /** A consistent view for reporting (the selector thread keeps running). */
    synchronized List<Client> clients() {
        return List.copyOf(clients);
    }

    @Override
    public void close() {
        closing = true;
        selector.wakeup();
        try {
            loop.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Client client : clients) {
            try {
                client.channel.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
