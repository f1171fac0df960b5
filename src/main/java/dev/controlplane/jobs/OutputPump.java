package dev.controlplane.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a job's merged stdout/stderr into lines: {@code \n}, {@code \r\n} and a lone {@code \r} (progress
 * bars) end a line, a line longer than {@link #MAX_LINE} characters is cut (a binary blob without newlines
 * must not grow one string without bound). Each line is masked before it is stored.
 */
final class OutputPump {
    static final int MAX_LINE = 8192;

    private OutputPump() {
    }

    static void pump(InputStream stream, Job job) {
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            char[] chunk = new char[16 * 1024];
            StringBuilder line = new StringBuilder();
            boolean cut = false;
            boolean afterCr = false;
            int n;
            while ((n = reader.read(chunk)) >= 0) {
                for (int i = 0; i < n; i++) {
                    char c = chunk[i];
                    if (c == '\n' && afterCr) {
                        afterCr = false;
                        continue;
                    }
                    afterCr = c == '\r';
                    if (c == '\n' || c == '\r') {
                        emit(job, line, cut);
                        line.setLength(0);
                        cut = false;
                    } else if (line.length() < MAX_LINE) {
                        line.append(c);
                    } else {
                        cut = true;
                    }
                }
            }
            if (line.length() > 0 || cut) {
                emit(job, line, cut);
            }
        } catch (IOException e) {
            // the stream was closed: the process is gone, or we gave up waiting for a leftover holder of the pipe
        }
    }

    private static void emit(Job job, StringBuilder line, boolean cut) {
        String text = cut ? line + " \u2026 [line cut at " + MAX_LINE + " characters]" : line.toString();
        job.log.append(job.mask.apply(text));
    }
}
