package dev.tandem.workbench.ui.internal;

import java.io.IOException;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
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
        if (editor instanceof DrlEditor drl && drl.file() != null) {
            return RuleProjects.ruleFolderOf(drl.file());
        }
        return RuleProjects.defaultRuleFolder();
    }

    /** The project on disk with the text of every open rule editor in it, saved or not. */
    static RuleProject withEditorTexts(IFolder folder) throws IOException {
        RuleProject project = RuleProjects.load(folder);
        IWorkbenchPage page = page();
        for (IEditorReference reference : page == null ? new IEditorReference[0] : page.getEditorReferences()) {
            if (reference.getEditor(false) instanceof DrlEditor drl) {
                IFile file = drl.file();
                if (file != null && folder.equals(RuleProjects.ruleFolderOf(file))) {
                    project = project.withFile(RuleProjects.projectPath(file), drl.document().get());
                }
            }
        }
        return project;
    }

    private static IWorkbenchPage page() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null && PlatformUI.getWorkbench().getWorkbenchWindowCount() > 0) {
            window = PlatformUI.getWorkbench().getWorkbenchWindows()[0];
        }
        return window == null ? null : window.getActivePage();
    }
}
