package dev.tandem.workbench.ui.internal;

import jakarta.annotation.PostConstruct;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.model.WorkbenchContentProvider;
import org.eclipse.ui.model.WorkbenchLabelProvider;

/** The rule projects and their files; double-click opens a file in its editor. */
public class RuleExplorerView {
    public static final String ID = "dev.tandem.workbench.ui.explorer";

    private TreeViewer tree;

    @PostConstruct
    public void createControls(Composite parent) {
        tree = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        tree.setContentProvider(new WorkbenchContentProvider());
        tree.setLabelProvider(WorkbenchLabelProvider.getDecoratingWorkbenchLabelProvider());
        tree.addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer viewer, Object parent, Object element) {
                return !(element instanceof IResource resource) || isRuleContent(resource);
            }
        });
        tree.setInput(RuleProjects.project());
        tree.expandToLevel(2);
        tree.addDoubleClickListener(event -> open(event.getSelection()));
    }

    /** Rule files, scenarios and project metadata; not Eclipse's settings nor build output. */
    private static boolean isRuleContent(IResource resource) {
        String name = resource.getName();
        return !name.startsWith(".") && !(resource.getType() == IResource.FOLDER && name.equals("target"));
    }

    private void open(Object selection) {
        if (selection instanceof IStructuredSelection structured && structured.getFirstElement() instanceof IFile file) {
            try {
                IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
            } catch (PartInitException e) {
                ILog.of(getClass()).error("could not open " + file, e);
            }
        }
    }
}
