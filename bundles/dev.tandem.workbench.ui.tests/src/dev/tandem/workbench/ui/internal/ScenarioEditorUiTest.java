package dev.tandem.workbench.ui.internal;

import static dev.tandem.workbench.ui.internal.Ui.await;
import static dev.tandem.workbench.ui.internal.Ui.page;
import static dev.tandem.workbench.ui.internal.Ui.ui;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tandem.json.Scenario;
import dev.tandem.workbench.core.ScenarioResult;

/** The scenario editor's form over a scenario file, and the way from the scenario runner to it. */
class ScenarioEditorUiTest {
    private static final String SCENARIO = """
            {"name": "a customer asks for a person",
             "interaction": {"interactionId": "s-1", "channel": "chat", "language": "en",
                             "messages": [{"from": "customer", "text": "a person please"}]},
             "signals": {"humanRequest": 0.95},
             "expect": {"route": "HUMAN", "queue": "general", "priority": 80}}
            """;
    private IProject scratch;
    private IFile file;

    @BeforeEach
    void aScenarioFileOutsideTheRepository() throws Exception {
        scratch = ResourcesPlugin.getWorkspace().getRoot().getProject("scenario-editor-test");
        if (!scratch.exists()) {
            scratch.create(null);
        }
        scratch.open(null);
        IFolder project = scratch.getFolder("rules-under-test");
        if (!project.exists()) {
            project.create(true, true, null);
            project.getFolder("scenarios").create(true, true, null);
        }
        file = project.getFile("scenarios/asks-for-a-person.json");
        if (file.exists()) {
            file.delete(true, null);
        }
        file.create(new ByteArrayInputStream(SCENARIO.getBytes(StandardCharsets.UTF_8)), true, null);
    }

    @AfterEach
    void closeAndRemove() throws Exception {
        ui(() -> page().closeAllEditors(false));
        scratch.delete(true, true, new NullProgressMonitor());
    }

    @Test
    void theFormEditsTheJsonAndSavingWritesAValidScenarioFile() throws Exception {
        ScenarioEditor editor = ui(() -> (ScenarioEditor) IDE.openEditor(page(), file));
        ScenarioForm form = editor.form();
        assertArrayEquals(new String[] {"a customer asks for a person"}, ui(form.scenarios::getItems));
        assertEquals("customer: a person please", ui(form.messages::getText));
        assertEquals("general", ui(form.queue::getText));

        ui(() -> {
            form.name.setText("a customer who asks twice gets a person");
            form.signals.setText("humanRequest = 0.95\nrepeats = 2");
            form.queue.setText("care");
            return null;
        });
        assertTrue(ui(editor::isDirty));
        Scenario edited = Scenario.parse("f.json", ui(() -> editor.document().get()).getBytes(StandardCharsets.UTF_8))
                .get(0);
        assertEquals("a customer who asks twice gets a person", edited.name());
        assertEquals("care", edited.expect().queue());
        assertEquals(2, edited.givenSignals().size());

        ui(() -> {
            editor.doSave(new NullProgressMonitor());
            return null;
        });
        assertFalse(ui(editor::isDirty));
        Scenario saved = Scenario.parse("f.json", file.getContents().readAllBytes()).get(0);
        assertEquals(edited.name(), saved.name());
        assertEquals(edited.expect(), saved.expect());
    }

    @Test
    void aNumberThatDoesNotReadIsNamedAndLeftOutOfTheJson() throws Exception {
        ScenarioEditor editor = ui(() -> (ScenarioEditor) IDE.openEditor(page(), file));
        ScenarioForm form = editor.form();
        ui(() -> {
            form.priority.setText("urgent");
            return null;
        });
        assertTrue(ui(form.problem::getText).contains("priority must be a whole number"), ui(form.problem::getText));
        assertEquals("", ScenarioDocument.problem("f.json", ui(() -> editor.document().get())));
        ui(() -> {
            form.priority.setText("85");
            return null;
        });
        assertEquals("", ui(form.problem::getText));
        assertEquals(85, Scenario.parse("f.json", ui(() -> editor.document().get()).getBytes(StandardCharsets.UTF_8))
                .get(0).expect().priority());
    }

    @Test
    void sourceThatIsNotAScenarioFileIsShownAsAProblemOnTheForm() throws Exception {
        ScenarioEditor editor = ui(() -> (ScenarioEditor) IDE.openEditor(page(), file));
        ui(() -> {
            editor.showPage(ScenarioEditor.SOURCE_PAGE);
            editor.document().set("{\"name\": \"half a scenario\"");
            editor.showPage(ScenarioEditor.FORM_PAGE);
            return null;
        });
        assertTrue(ui(editor.form().problem::getText).contains("not a scenario file"), ui(editor.form().problem::getText));
        assertFalse(ui(editor.form().control::isEnabled));
    }

    @Test
    void aDoubleClickedScenarioResultOpensThatScenarioInTheEditor() throws Exception {
        await("the rule project is linked", () -> RuleProjects.defaultRuleFolder().exists());
        ScenarioRunnerView runner = ui(() -> (ScenarioRunnerView) Ui.show(ScenarioRunnerView.ID));
        ui(runner::runScenarios).join();
        List<ScenarioResult> results = runner.lastReport().results();
        ScenarioResult last = results.get(results.size() - 1);
        ui(() -> {
            runner.openScenario(last);
            return null;
        });
        ScenarioEditor opened = ui(() -> (ScenarioEditor) page().getActiveEditor());
        assertEquals(last.file(), RuleProjects.projectPath(
                ((org.eclipse.ui.IFileEditorInput) opened.getEditorInput()).getFile()));
        assertEquals(last.name(), ui(() -> opened.form().name.getText()));
    }
}
