package dev.tandem.workbench.ui.internal;

import static dev.tandem.workbench.ui.internal.Ui.await;
import static dev.tandem.workbench.ui.internal.Ui.page;
import static dev.tandem.workbench.ui.internal.Ui.ui;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IViewPart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tandem.workbench.core.RuleVocabulary;

/**
 * What the example plug-in (bundles/dev.tandem.workbench.example) contributes through the three
 * extension points reaches the analyst: its template in content assist, its validator's warnings as
 * markers, its view in the Rules perspective.
 */
class ExtensionsUiTest {
    private static final String EXAMPLE = "dev.tandem.workbench.example";
    private DrlEditor editor;

    @BeforeEach
    void openTheDefaultRules() throws Exception {
        editor = Ui.openDefaultRules();
    }

    @AfterEach
    void closeWithoutSaving() throws Exception {
        ui(() -> page().closeAllEditors(false));
    }

    @Test
    void theContributedTemplateIsProposedWhereARuleMayStartAndIsAValidRule() throws Exception {
        String text = ui(() -> editor.document().get());
        int end = text.length();
        List<Contributions.Template> templates = DrlContentAssist.templates(text + "\nru", end + 3);
        Contributions.Template template = templates.stream().filter(t -> t.contributor().equals(EXAMPLE))
                .findFirst().orElseThrow(() -> new AssertionError("no template of " + EXAMPLE + ": " + templates));
        assertEquals("gold customer who is angry", template.name());
        assertEquals(List.of(), DrlContentAssist.templates("decision.escalate(\"", 19));

        ui(() -> {
            editor.document().replace(end, 0, "\n\n");
            return null;
        });
        ICompletionProposal[] proposals = ui(() -> new DrlContentAssist()
                .computeCompletionProposals(editor.viewer(), end + 2));
        ICompletionProposal proposal = java.util.Arrays.stream(proposals)
                .filter(p -> p.getDisplayString().equals(template.name() + " (template)")).findFirst()
                .orElseThrow(() -> new AssertionError("content assist does not list the template"));
        ui(() -> {
            proposal.apply(editor.document());
            return null;
        });
        assertTrue(ui(() -> editor.document().get()).contains("an angry gold customer goes to the care team"));
        Thread.sleep(ValidationJob.DEBOUNCE_MILLIS * 3);
        await("validation settles", () -> Ui.markers(editor.file(), IMarker.SEVERITY_ERROR) == 0);
    }

    @Test
    void theContributedValidatorsWarningBecomesAMarkerThatNamesIt() throws Exception {
        await("no warning on the default rules", () -> Ui.markers(editor.file(), IMarker.SEVERITY_WARNING) == 0);
        Ui.edit(editor, "rule \"customer asks for a human\"", "rule \"humans\"");
        await("the example validator's warning", () -> Ui.markers(editor.file(), IMarker.SEVERITY_WARNING) == 1);
        IMarker warning = Ui.firstMarker(editor.file(), IMarker.SEVERITY_WARNING);
        assertEquals(EXAMPLE + ".sentences", warning.getAttribute(ValidationJob.VALIDATOR));
        assertTrue(warning.getAttribute(IMarker.MESSAGE, "").contains("\"humans\""));
        assertEquals(0, Ui.markers(editor.file(), IMarker.SEVERITY_ERROR), "a warning does not make an error");
    }

    @Test
    void theContributedViewIsInTheRulesPerspective() throws Exception {
        assertTrue(Contributions.views().contains(new Contributions.View(EXAMPLE + ".queueUsage", "bottom")));
        assertNotNull(ui(() -> page().findViewReference(EXAMPLE + ".queueUsage")),
                "the Rules perspective lays out the example's view");
        IViewPart view = ui(() -> page().showView(EXAMPLE + ".queueUsage"));
        Table table = ui(() -> findTable(view));
        assertEquals(RuleVocabulary.queues().size(), ui(table::getItemCount),
                "one row per queue of the routing policy");
        assertTrue(ui(() -> java.util.Arrays.stream(table.getItems())
                .anyMatch(row -> row.getText(0).equals("security") && Integer.parseInt(row.getText(1)) > 0)));
    }

    private static Table findTable(IViewPart view) throws Exception {
        var field = view.getClass().getDeclaredField("table");
        field.setAccessible(true);
        return (Table) field.get(view);
    }
}
