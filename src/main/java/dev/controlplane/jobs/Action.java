package dev.controlplane.jobs;

import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One thing the dashboard can run, as the catalogue built it from the project: the arguments are fixed here,
 * never taken from a request.
 *
 * @param id        {@code testing:run}, {@code testing:run:<module>}, {@code quality:<tool>}, {@code validate:<kind>}
 * @param card      the card whose Run button offers it
 * @param argv      the command, run in {@code dir} without a shell
 * @param dir       the working directory, relative to the project root ("." = the root)
 * @param available whether it can run here; {@code reason} says why not
 */
public record Action(String id, String label, String card, List<String> argv, String dir, boolean available,
        String reason) {

    public Action {
        argv = List.copyOf(argv);
        reason = reason == null ? "" : reason;
    }

    /** The command as shown to people (arguments with spaces quoted); never parsed back. */
    public String command() {
        StringBuilder shown = new StringBuilder();
        if (!dir.equals(".")) {
            shown.append("(cd ").append(quote(dir)).append(") ");
        }
        for (int i = 0; i < argv.size(); i++) {
            shown.append(i == 0 ? "" : " ").append(quote(argv.get(i)));
        }
        return shown.toString();
    }

    /** A test run: its end recomputes the testing card. */
    public boolean runsTests() {
        return id.equals("testing:run") || id.startsWith("testing:run:");
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", id);
        node.put("label", label);
        node.put("card", card);
        node.put("command", command());
        node.put("available", available);
        node.put("reason", reason);
        return node;
    }

    private static String quote(String arg) {
        return arg.isEmpty() || arg.chars().anyMatch(c -> c == ' ' || c == '"' || c == '\'') ? "'" + arg.replace("'", "'\\''") + "'" : arg;
    }
}
