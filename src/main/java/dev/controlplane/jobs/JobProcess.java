package dev.controlplane.jobs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.controlplane.support.ToolRunner;

/**
 * One job's operating-system process, for {@link JobRunner}: started in a process group of its own (so cancel,
 * timeout and shutdown can end everything it started), with no standard input, and waited for while its output
 * is pumped into the job's log. The runner keeps the queue, the states and the events.
 */
final class JobProcess {

    private JobProcess() {
    }

    /**
     * Starts {@code action} in its directory. A {@code ./program} is the project's own script; any other
     * program is looked up on the PATH here, so the message of a failed start names what was tried.
     */
    static Process start(Path root, Action action) throws IOException {
        Path dir = root.resolve(action.dir()).normalize();
        List<String> argv = new ArrayList<>(action.argv());
        String program = argv.get(0);
        argv.set(0, program.startsWith("./") ? dir.resolve(program.substring(2)).toString()
                : ToolRunner.which(program).map(Path::toString).orElse(program));
        ProcessBuilder builder = new ProcessBuilder(ProcessGroups.wrap(argv)).directory(dir.toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Files.createDirectories(root.resolve(CommandLines.REPORTS));
        return builder.start();
    }

    /** Pumps the output into the job's log until the process ends; returns its exit code (-1 if interrupted). */
    static int await(Job job, Process process) {
        Thread reader = new Thread(() -> OutputPump.pump(process.getInputStream(), job), "job-output-" + job.id);
        reader.setDaemon(true);
        reader.start();
        try {
            int exit = process.waitFor();
            // What the job left running in its group (a backgrounded child) would hold the pipe open: end it.
            reader.join(2000);
            if (reader.isAlive()) {
                ProcessGroups.terminate(null, job.pgid());
                reader.join(2000);
            }
            if (reader.isAlive()) {
                process.getInputStream().close();
            }
            return exit;
        } catch (InterruptedException | IOException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
