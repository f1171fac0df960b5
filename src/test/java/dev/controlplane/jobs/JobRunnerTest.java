package dev.controlplane.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.controlplane.support.ProjectDirectory;
import dev.controlplane.support.ToolRunner;
import dev.controlplane.testing.RecordingEvents;
import dev.controlplane.testing.TestConfig;
import dev.controlplane.testing.TestFiles;

/** The runner on its own (no HTTP): the timeout, the queue behind max-running, the events of a job. */
class JobRunnerTest {
    private final Path root = TestFiles.copyFixture("jobs-python");
    private final TestConfig config = new TestConfig(root);
    private final RecordingEvents events = new RecordingEvents();
    private final List<JobFinished> finished = new CopyOnWriteArrayList<>();
    private JobRunner runner;

    private JobRunner runner() {
        ProjectDirectory project = new ProjectDirectory(config);
        runner = new JobRunner(new ActionCatalogue(project),
                new JobHistory(new JobStore(project, new ObjectMapper()), config), events, new Finished(), project, config);
        return runner;
    }

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.stop(null);
        }
        TestFiles.deleteQuietly(root);
    }

    private static void awaitState(Job job, JobState... states) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!List.of(states).contains(job.state())) {
            assertTrue(System.nanoTime() < deadline, job.id + " still " + job.state());
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aJobOverItsTimeoutIsKilledWithItsGroupAndEndsTimedOut() {
        config.jobsTimeout = Duration.ofSeconds(2);
        TestFiles.write(root.resolve("mode.txt"), "sleep\n");
        Job job = runner().submit("testing:run");
        awaitState(job, JobState.RUNNING);
        long pgid = job.pgid();

        awaitState(job, JobState.TIMED_OUT, JobState.FAILED, JobState.SUCCEEDED, JobState.CANCELLED);

        assertEquals(JobState.TIMED_OUT, job.state());
        assertEquals(List.of(), ProcessGroups.members(pgid));
        List<String> types = events.types(job.id);
        assertEquals("job:started", types.get(0));
        assertEquals("job:done", types.get(types.size() - 1));
        assertEquals("timed_out", events.ofType("job:done").get(0).data().path("state").asText());
        assertTrue(job.toJson(false).path("error").asText().startsWith("timed out"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (finished.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // fired right after job:done, on the job's thread
        }
        assertEquals(List.of(new JobFinished(job.id, "testing:run", "testing", "timed_out", true)), List.copyOf(finished));
    }

    @Test
    void beyondMaxRunningJobsWaitInTheQueue() {
        Assumptions.assumeTrue(ToolRunner.which("docker").isPresent(), "needs a second action: docker compose");
        config.jobsMaxRunning = 1;
        TestFiles.write(root.resolve("mode.txt"), "sleep\n");
        TestFiles.write(root.resolve("compose.yaml"), "services:\n  web:\n    image: nginx\n");
        JobRunner jobs = runner();
        Job first = jobs.submit("testing:run");
        awaitState(first, JobState.RUNNING);
        Job second = jobs.submit("validate:compose");

        assertEquals(JobState.QUEUED, second.state());
        jobs.cancel(first.id);
        awaitState(first, JobState.CANCELLED);
        awaitState(second, JobState.SUCCEEDED, JobState.FAILED);

        List<String> order = events.all().stream().filter(e -> e.type().startsWith("job:s") || e.type().equals("job:done"))
                .map(e -> e.type() + " " + e.key()).toList();
        assertEquals(List.of("job:started " + first.id, "job:done " + first.id, "job:started " + second.id,
                "job:done " + second.id), order);
    }

    private final class Finished implements Event<JobFinished> {
        @Override
        public void fire(JobFinished event) {
            finished.add(event);
        }

        @Override
        public <U extends JobFinished> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends JobFinished> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<JobFinished> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends JobFinished> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends JobFinished> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
