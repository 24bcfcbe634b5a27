package dev.tandem.workbench.ui.internal;

import static dev.tandem.workbench.ui.internal.Ui.await;
import static dev.tandem.workbench.ui.internal.Ui.page;
import static dev.tandem.workbench.ui.internal.Ui.ui;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DRL editor's Outline and the way from a problem marker to the text it is about. */
class DrlEditorUiTest {
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
    void theOutlineListsTheRulesAndSelectingOneRevealsIt() throws Exception {
        ContentOutline view = ui(() -> {
            page().activate(editor);
            return (ContentOutline) page().showView(IPageLayout.ID_OUTLINE, null, IWorkbenchPage.VIEW_VISIBLE);
        });
        await("the Outline view shows the editor's outline", () -> ui(view::getCurrentPage) instanceof DrlOutlinePage);
        DrlOutlinePage outline = ui(() -> (DrlOutlinePage) view.getCurrentPage());
        List<RuleOutline.Entry> rules = ui(outline::rules);
        assertEquals("customer asks for a human", rules.get(0).name());
        assertEquals(rules.size(), ui(outline::shownRuleCount));
        RuleOutline.Entry third = rules.get(2);
        ui(() -> {
            outline.setSelection(new StructuredSelection(third));
            return null;
        });
        ITextSelection selected = ui(() -> (ITextSelection) editor.getSelectionProvider().getSelection());
        assertEquals(third.offset(), selected.getOffset());
        assertEquals(third.name(), selected.getText());
    }

    @Test
    void theOutlineFollowsTheTextAsItIsTyped() throws Exception {
        DrlOutlinePage outline = ui(() -> (DrlOutlinePage) editor.getAdapter(
                org.eclipse.ui.views.contentoutline.IContentOutlinePage.class));
        int before = ui(outline::rules).size();
        Ui.edit(editor, "rule \"customer asks for a human\"", "rule \"a brand new rule\"\nwhen\nthen\nend\n\n"
                + "rule \"customer asks for a human\"");
        assertEquals(before + 1, ui(outline::rules).size());
        assertTrue(ui(outline::rules).stream().anyMatch(r -> r.name().equals("a brand new rule")));
    }

    @Test
    void openingAProblemMarkerRevealsItsTextInTheEditor() throws Exception {
        Ui.edit(editor, "then\n    decision.escalate(\"general\", 80", "than\n    decision.escalate(\"general\", 80");
        await("a marker for the syntax error", () -> Ui.markers(editor.file(), IMarker.SEVERITY_ERROR) > 0);
        IMarker marker = Ui.firstMarker(editor.file(), IMarker.SEVERITY_ERROR);
        ui(() -> {
            editor.selectAndReveal(0, 0);
            IDE.openEditor(page(), marker); // what a double-click in the Problems view does
            return null;
        });
        ITextSelection selected = ui(() -> (ITextSelection) editor.getSelectionProvider().getSelection());
        assertEquals(marker.getAttribute(IMarker.LINE_NUMBER, -1), selected.getStartLine() + 1);
        assertTrue(selected.getOffset() > 0);
    }
}
