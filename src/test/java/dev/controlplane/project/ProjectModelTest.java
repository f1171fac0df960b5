package dev.controlplane.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.controlplane.support.ProjectWalker;
import dev.controlplane.testing.TestFiles;

/** The shared reading of a project: a replayed walk is the walk a card would have made, made once. */
class ProjectModelTest {
    @TempDir
    Path root;

    private void tree() {
        for (String file : List.of("a.txt", "src/b.py", "src/deep/c.py", "node_modules/x/d.js", ".git/HEAD",
                "docs/e.md", "docs/f.md", "k8s/g.yaml")) {
            TestFiles.write(root.resolve(file), file);
        }
    }

    private static List<Path> record(java.util.function.Consumer<ProjectWalker.FileHandler> walk, int stopAfter) {
        List<Path> seen = new ArrayList<>();
        walk.accept((file, attrs) -> {
            seen.add(file);
            return seen.size() < stopAfter;
        });
        return seen;
    }

    @Test
    void aReplayIsExactlyTheWalkAndTheDiskIsWalkedOnce() {
        tree();
        ProjectModel model = new ProjectModel(root);
        for (int stop : List.of(Integer.MAX_VALUE, 3, 1)) {
            for (int cap : List.of(ProjectWalker.DEFAULT_MAX_FILES, 4)) {
                ProjectWalker.Summary[] direct = new ProjectWalker.Summary[1];
                ProjectWalker.Summary[] replay = new ProjectWalker.Summary[1];
                List<Path> expected = record(h -> direct[0] = ProjectWalker.walk(root, 8, cap, h), stop);
                List<Path> actual = record(h -> replay[0] = model.walk(root, 8, cap, h), stop);
                assertEquals(expected, actual, "stop " + stop + " cap " + cap);
                assertEquals(direct[0], replay[0], "stop " + stop + " cap " + cap);
            }
        }
        assertEquals(ProjectWalker.files(root.resolve("docs"), 8, 1, f -> true),
                model.files(root.resolve("docs"), 8, 1, f -> true));
        assertEquals(2, model.walksMade(), "one walk per start and depth, however many cards ask");
    }

    @Test
    void aManifestIsParsedOncePerFileState() throws Exception {
        Path pom = TestFiles.write(root.resolve("pom.xml"), "<project/>");
        ProjectModel model = new ProjectModel(root);
        String first = model.parse(pom, "text", Files::readString);
        assertSame(first, model.parse(pom, "text", Files::readString));
        assertEquals(1, model.parsesMade());
        Files.writeString(pom, "<project><x/></project>");
        Files.setLastModifiedTime(pom, FileTime.fromMillis(Files.getLastModifiedTime(pom).toMillis() + 5000));
        assertEquals("<project><x/></project>", model.parse(pom, "text", Files::readString));
        assertEquals(2, model.parsesMade());
    }
}
