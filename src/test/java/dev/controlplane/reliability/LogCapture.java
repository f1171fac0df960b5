package dev.controlplane.reliability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what the app logs under a logger name while open. A {@code @QuarkusTest} app shares the JVM's log
 * manager with the test, so a handler on {@code dev.controlplane} sees the app's {@code Log.warnf} lines.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogCapture(String name) {
        this.logger = Logger.getLogger(name);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    public static LogCapture of(String name) {
        return new LogCapture(name);
    }

    @Override
    public void publish(LogRecord record) {
        String message = record.getMessage();
        Object[] params = record.getParameters();
        if (params != null && params.length > 0 && message != null) {
            try {
                message = String.format(message, params);
            } catch (java.util.IllegalFormatException e) {
                message = java.text.MessageFormat.format(message, params);
            }
        }
        lines.add(record.getLevel() + " " + record.getLoggerName() + ": " + message);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The first line containing {@code text}, or null. */
    public String find(String text) {
        return lines.stream().filter(l -> l.contains(text)).findFirst().orElse(null);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
