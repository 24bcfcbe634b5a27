package dev.tandem.workbench.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * Explorer and Outline on the left, rules in the middle, the engine on the right, problems and scenarios
 * below; views that plug-ins contribute through {@code dev.tandem.workbench.ui.ruleViews} join the folder
 * they ask for.
 */
public class RulesPerspective implements IPerspectiveFactory {
    public static final String ID = "dev.tandem.workbench.ui.rules";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editors = layout.getEditorArea();
        IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.22f, editors);
        left.addView(RuleExplorerView.ID);
        IFolderLayout outline = layout.createFolder("outline", IPageLayout.BOTTOM, 0.55f, "left");
        outline.addView(IPageLayout.ID_OUTLINE);
        IFolderLayout right = layout.createFolder("right", IPageLayout.RIGHT, 0.70f, editors);
        right.addView(EngineView.ID);
        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.68f, editors);
        bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
        bottom.addView(ScenarioRunnerView.ID);
        bottom.addView(TryItView.ID);
        for (Contributions.View view : Contributions.views()) {
            IFolderLayout folder = switch (view.placement()) {
                case "left" -> outline;
                case "right" -> right;
                default -> bottom;
            };
            folder.addView(view.id());
            layout.addShowViewShortcut(view.id());
        }
    }
}
