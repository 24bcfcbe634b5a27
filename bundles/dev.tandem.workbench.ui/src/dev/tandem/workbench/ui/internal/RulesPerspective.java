package dev.tandem.workbench.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Explorer on the left, rules in the middle, the engine on the right, problems and scenarios below. */
public class RulesPerspective implements IPerspectiveFactory {
    public static final String ID = "dev.tandem.workbench.ui.rules";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        layout.addView(RuleExplorerView.ID, IPageLayout.LEFT, 0.22f, editors);
        layout.addView(EngineView.ID, IPageLayout.RIGHT, 0.70f, editors);
        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.68f, editors);
        bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
        bottom.addView(ScenarioRunnerView.ID);
        bottom.addView(TryItView.ID);
    }
}
