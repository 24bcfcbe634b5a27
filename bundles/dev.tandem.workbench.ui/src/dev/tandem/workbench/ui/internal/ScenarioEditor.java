package dev.tandem.workbench.ui.internal;

import java.io.IOException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.part.MultiPageEditorPart;

/**
 * The scenario editor, in the manner of Eclipse's form editors: a <em>Scenarios</em> form page and the
 * JSON <em>Source</em> page over one document. The form writes the JSON (so what it saves is valid JSON);
 * the source page's text is read back into the form when the analyst returns to it. Problems (the scenario
 * format's and the validators') are shown on the form and as markers, as the DRL editor does.
 */
public class ScenarioEditor extends MultiPageEditorPart {
    public static final String ID = "dev.tandem.workbench.ui.scenarioEditor";
    static final int FORM_PAGE = 0;
    static final int SOURCE_PAGE = 1;

    private final TextEditor source = new TextEditor();
    private ScenarioForm form;
    private ValidationJob validation;
    private boolean writingFromForm;
    private final IDocumentListener textChanged = new IDocumentListener() {
        @Override
        public void documentAboutToBeChanged(DocumentEvent event) {
            // only the changed text matters
        }

        @Override
        public void documentChanged(DocumentEvent event) {
            if (!writingFromForm) {
                showProblem();
            }
            validateSoon();
        }
    };

    @Override
    protected void createPages() {
        form = new ScenarioForm(getContainer(), this::writeFormToSource);
        addPage(FORM_PAGE, form.control);
        setPageText(FORM_PAGE, "Scenarios");
        try {
            addPage(SOURCE_PAGE, source, getEditorInput());
        } catch (PartInitException e) {
            throw new IllegalStateException("the source page cannot open " + getEditorInput().getName(), e);
        }
        setPageText(SOURCE_PAGE, "Source");
        setPartName(getEditorInput().getName());
        document().addDocumentListener(textChanged);
        if (getEditorInput() instanceof IFileEditorInput input) {
            validation = new ValidationJob(input.getFile(), () -> document().get());
            validateSoon();
        }
        readSourceIntoForm();
    }

    @Override
    protected void pageChange(int newPageIndex) {
        super.pageChange(newPageIndex);
        if (newPageIndex == FORM_PAGE) {
            readSourceIntoForm();
        }
    }

    /** The source text into the form; text that is not a scenario file keeps the form disabled and says why. */
    private void readSourceIntoForm() {
        try {
            form.show(ScenarioDocument.parse(document().get()));
            form.control.setEnabled(true);
            showProblem();
        } catch (IOException e) {
            form.control.setEnabled(false);
            form.problem.setText("The source is not a scenario file, fix it on the Source page: " + e.getMessage());
        }
    }

    private void writeFormToSource() {
        writingFromForm = true;
        try {
            document().set(form.document().toJson());
        } finally {
            writingFromForm = false;
        }
        if (form.problem.getText().isEmpty()) {
            showProblem();
        }
    }

    private void showProblem() {
        String problem = ScenarioDocument.problem(getEditorInput().getName(), document().get());
        form.problem.setText(problem);
        form.problem.getParent().layout();
    }

    private void validateSoon() {
        if (validation != null) {
            validation.cancel();
            validation.schedule(ValidationJob.DEBOUNCE_MILLIS);
        }
    }

    public IDocument document() {
        return source.getDocumentProvider().getDocument(source.getEditorInput());
    }

    /** For tests and the scenario runner: the form page's widgets. */
    ScenarioForm form() {
        return form;
    }

    /** {@link #FORM_PAGE} or {@link #SOURCE_PAGE}; the form rereads the source when it is shown. */
    void showPage(int page) {
        setActivePage(page);
    }

    public void showScenario(String name) {
        int index = form.document() == null ? -1 : form.document().names().indexOf(name);
        if (index >= 0) {
            setActivePage(FORM_PAGE);
            form.select(index);
        }
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        source.doSave(monitor);
    }

    @Override
    public void doSaveAs() {
        source.doSaveAs();
        setInput(source.getEditorInput());
    }

    @Override
    public boolean isSaveAsAllowed() {
        return true;
    }

    @Override
    public boolean isDirty() {
        return source.isDirty();
    }

    @Override
    protected void setInput(IEditorInput input) {
        super.setInput(input);
        setPartName(input.getName());
    }

    @Override
    public void dispose() {
        if (validation != null) {
            validation.cancel();
        }
        IDocument document = source.getDocumentProvider() == null ? null : document();
        if (document != null) {
            document.removeDocumentListener(textChanged);
        }
        super.dispose();
    }
}
