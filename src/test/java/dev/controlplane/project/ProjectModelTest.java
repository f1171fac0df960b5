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
        assertEquals(1, model.walksMade(), "one walk of the tree, however many cards ask and from where");
    }

    @Test
    void aWalkFromBelowTheRootIsTheSubtreeOfTheOneWalk() {
        tree();
        for (String file : List.of("src/deep/deeper/h.py", "src/z.py", "docs/sub/i.md", ".github/workflows/ci.yml",
                ".github/workflows/nested/x.yml")) {
            TestFiles.write(root.resolve(file), file);
        }
        ProjectModel model = new ProjectModel(root);
        for (String start : List.of("", "src", "src/deep", "docs", "node_modules", ".github/workflows", "missing")) {
            Path dir = start.isEmpty() ? root : root.resolve(start);
            for (int depth : List.of(1, 2, 8)) {
                for (int cap : List.of(ProjectWalker.DEFAULT_MAX_FILES, 2)) {
                    for (int stop : List.of(Integer.MAX_VALUE, 1)) {
                        ProjectWalker.Summary[] direct = new ProjectWalker.Summary[1];
                        ProjectWalker.Summary[] replay = new ProjectWalker.Summary[1];
                        List<Path> expected = record(h -> direct[0] = ProjectWalker.walk(dir, depth, cap, h), stop);
                        List<Path> actual = record(h -> replay[0] = model.walk(dir, depth, cap, h), stop);
                        String what = start + " depth " + depth + " cap " + cap + " stop " + stop;
                        assertEquals(expected, actual, what);
                        assertEquals(direct[0], replay[0], what);
                    }
                }
            }
        }
        // The root walk answers every start it entered; node_modules and .github/workflows are walked on
        // their own (once per start and depth); a missing directory walks nothing.
        assertEquals(1 + 2 * 3, model.walksMade());
    }

    @Test
    void aReplayHandsTheSizeAndModificationTimeOfEachFile() throws Exception {
        tree();
        ProjectModel model = new ProjectModel(root);
        List<String> direct = new ArrayList<>();
        ProjectWalker.walk(root, 8, 100, (f, a) -> direct.add(f + " " + a.size() + " " + a.lastModifiedTime()
                + " " + a.isRegularFile()));
        List<String> replay = new ArrayList<>();
        model.walk(root, 8, 100, (f, a) -> replay.add(f + " " + a.size() + " " + a.lastModifiedTime()
                + " " + a.isRegularFile()));
        assertEquals(direct, replay);
    }

    @Test
    void aPrunedWalkSkipsTheSubtreesItRefuses() {
        tree();
        TestFiles.write(root.resolve("src/test/t.py"), "t");
        ProjectModel model = new ProjectModel(root);
        java.util.function.Predicate<Path> notSrc = dir -> !dir.getFileName().toString().equals("src");
        List<Path> expected = new ArrayList<>();
        ProjectWalker.Summary direct = ProjectWalker.walk(root, 8, 100, (f, a) -> expected.add(f), notSrc);
        List<Path> actual = new ArrayList<>();
        ProjectWalker.Summary replay = model.walk(root, 8, 100, (f, a) -> actual.add(f), notSrc);
        assertEquals(expected, actual);
        assertEquals(direct, replay);
        assertEquals(1, model.walksMade());
    }

    @Test
    void aListingIsMadeOnceAndWorkflowsAreTheYamlFilesDirectlyInTheirDirectory() throws Exception {
        tree();
        TestFiles.write(root.resolve(".github/workflows/b.yml"), "b");
        TestFiles.write(root.resolve(".github/workflows/a.yaml"), "a");
        TestFiles.write(root.resolve(".github/workflows/c.YML"), "c");
        TestFiles.write(root.resolve(".github/workflows/notes.md"), "n");
        TestFiles.write(root.resolve(".github/workflows/nested/c.yml"), "c");
        ProjectModel model = new ProjectModel(root);
        assertEquals(List.of(root.resolve(".github/workflows/a.yaml"), root.resolve(".github/workflows/b.yml")),
                model.githubWorkflows());
        List<DirectoryEntry> first = model.list(root);
        assertSame(first, model.list(root));
        assertEquals(java.util.Set.of("a.txt"), model.regularFilesIn(root).stream()
                .map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(List.of(), model.list(root.resolve("missing")));
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
