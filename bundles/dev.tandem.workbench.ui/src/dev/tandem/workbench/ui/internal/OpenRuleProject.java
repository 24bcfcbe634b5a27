package dev.tandem.workbench.ui.internal;

import java.io.IOException;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

import dev.tandem.workbench.core.RuleProject;

/** The rule project the analyst works on, as the editors show it: call on the UI thread. */
final class OpenRuleProject {
    private OpenRuleProject() {
    }

    /** The folder of the active rule editor, else the default rule project. */
    static IFolder activeFolder() {
        IWorkbenchPage page = page();
        IEditorPart editor = page == null ? null : page.getActiveEditor();
        if (editor != null && editor.getEditorInput() instanceof IFileEditorInput input
                && RuleProjects.PROJECT.equals(input.getFile().getProject().getName())) {
            return RuleProjects.ruleFolderOf(input.getFile());
        }
        return RuleProjects.defaultRuleFolder();
    }

    /** The project on disk with the text of every open rule and scenario editor in it, saved or not. */
    static RuleProject withEditorTexts(IFolder folder) throws IOException {
        RuleProject project = RuleProjects.load(folder);
        IWorkbenchPage page = page();
        for (IEditorReference reference : page == null ? new IEditorReference[0] : page.getEditorReferences()) {
            IEditorPart editor = reference.getEditor(false);
            IFile file = editor != null && editor.getEditorInput() instanceof IFileEditorInput input
                    ? input.getFile() : null;
            if (file == null || !folder.equals(RuleProjects.ruleFolderOf(file))) {
                continue;
            }
            if (editor instanceof DrlEditor drl) {
                project = project.withFile(RuleProjects.projectPath(file), drl.document().get());
            } else if (editor instanceof ScenarioEditor scenarios) {
                project = project.withFile(RuleProjects.projectPath(file), scenarios.document().get());
            }
        }
        return project;
    }

    /** The active window's page, else the first window's: under Xvfb no window may be active. */
    static IWorkbenchPage page() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null && PlatformUI.getWorkbench().getWorkbenchWindowCount() > 0) {
            window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        }
        return window == null ? null : window.getActivePage();
    }
}
