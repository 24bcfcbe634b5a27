package dev.tandem.workbench.ui.internal;

import java.util.List;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;

/** The Outline view of a DRL editor: its rules in file order; selecting one reveals it in the editor. */
final class DrlOutlinePage extends ContentOutlinePage {
    private final DrlEditor editor;
    private final IDocumentListener refresh = new IDocumentListener() {
        @Override
        public void documentAboutToBeChanged(DocumentEvent event) {
            // the outline follows the text once changed
        }

        @Override
        public void documentChanged(DocumentEvent event) {
            getControl().getDisplay().asyncExec(DrlOutlinePage.this::update);
        }
    };

    DrlOutlinePage(DrlEditor editor) {
        this.editor = editor;
    }

    @Override
    public void createControl(Composite parent) {
        super.createControl(parent);
        TreeViewer viewer = getTreeViewer();
        viewer.setContentProvider(new RulesInFileOrder());
        viewer.setLabelProvider(LabelProvider.createTextProvider(e -> ((RuleOutline.Entry) e).name()));
        update();
        editor.document().addDocumentListener(refresh);
    }

    /** The rules the outline lists now. */
    List<RuleOutline.Entry> rules() {
        return RuleOutline.of(editor.document().get());
    }

    /** How many rules the outline's tree shows. */
    int shownRuleCount() {
        return getTreeViewer().getTree().getItemCount();
    }

    private void update() {
        TreeViewer viewer = getTreeViewer();
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.setInput(rules());
        }
    }

    @Override
    public void selectionChanged(SelectionChangedEvent event) {
        super.selectionChanged(event);
        if (event.getSelection() instanceof IStructuredSelection selected
                && selected.getFirstElement() instanceof RuleOutline.Entry rule) {
            editor.selectAndReveal(rule.offset(), rule.length());
        }
    }

    @Override
    public void dispose() {
        IDocument document = editor.document();
        if (document != null) {
            document.removeDocumentListener(refresh);
        }
        super.dispose();
    }

    /** The rules are a flat list: DRL has no nesting worth showing. */
    private static final class RulesInFileOrder implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return ((List<?>) input).toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            return new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return false;
        }
    }
}
