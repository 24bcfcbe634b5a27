package dev.tandem.workbench.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CompareWithActiveTest {

    @Test
    void aFileDiffersWhenItsTextDiffersOrOnlyOneSideHasIt() {
        Map<String, String> project = Map.of("drl/a.drl", "rule a", "drl/b.drl", "rule b", "drl/new.drl", "rule n");
        Map<String, String> active = Map.of("drl/a.drl", "rule a", "drl/b.drl", "rule B", "drl/gone.drl", "rule g");
        assertEquals(Set.of("drl/b.drl", "drl/new.drl", "drl/gone.drl"),
                CompareWithActive.differingPaths(project, active));
    }

    @Test
    void theSameFilesHaveNoDifferences() {
        Map<String, String> files = Map.of("drl/a.drl", "rule a", "scenarios/a.json", "[]");
        assertEquals(Set.of(), CompareWithActive.differingPaths(files, Map.copyOf(files)));
    }
}
