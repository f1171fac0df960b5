package dev.controlplane.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.controlplane.testing.MavenJobsProjectResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A real Maven build through the project's own wrapper, and its surefire results on the testing card. */
@QuarkusTest
@QuarkusTestResource(value = MavenJobsProjectResource.class, restrictToAnnotatedClass = true)
class JobsMavenTest {

    @Test
    void theWrapperRunsTheTestsAndTheTestingCardShowsTheSurefireResults() {
        given().get("/api/jobs/actions").then().statusCode(200)
                .body("find { it.id == 'testing:run' }.command", equalTo("./mvnw -B -ntp test"))
                .body("find { it.id == 'testing:run' }.available", equalTo(true));

        String id = JobsApiTest.start("testing:run");
        JsonPath done = JobsApiTest.awaitState(id, 600, "succeeded", "failed", "cancelled", "timed_out");

        String log = given().get("/api/jobs/" + id + "/log").then().statusCode(200).extract().asString();
        assertEquals("succeeded", done.getString("state"), log);
        assertEquals(0, done.getInt("exit_code"));
        assertTrue(log.contains("Tests run: 2, Failures: 0"), log);

        long deadline = System.nanoTime() + 60_000_000_000L;
        JsonPath card;
        do {
            JobsApiTest.sleep(100);
            card = given().get("/api/cards/testing").then().statusCode(200).extract().jsonPath();
        } while (card.getInt("last_run.passed") != 2 && System.nanoTime() < deadline);
        assertEquals("surefire", card.getString("last_run.source"));
        assertEquals(2, card.getInt("last_run.passed"));
    }
}
