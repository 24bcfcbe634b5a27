package dev.tandem.workbench.ui.internal;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

/**
 * The DRL editor: colours rules, proposes fact types, fields, queues and a rule skeleton (Ctrl+Space),
 * shows the rules' problems as markers while the analyst types
 * (validated by a debounced background {@link ValidationJob}, unsaved text included)
 * and lists its rules in the Outline view.
 */
public class DrlEditor extends TextEditor {
    public static final String ID = "dev.tandem.workbench.ui.drlEditor";

    private ValidationJob validation;
    private DrlOutlinePage outline;
    private final IDocumentListener revalidate = new IDocumentListener() {
        @Override
        public void documentAboutToBeChanged(DocumentEvent event) {
            // only the changed text matters
        }

        @Override
        public void documentChanged(DocumentEvent event) {
            validateSoon();
        }
    };

    public DrlEditor() {
        setSourceViewerConfiguration(new TextSourceViewerConfiguration(getPreferenceStore()) {
            @Override
            public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
                PresentationReconciler reconciler = new PresentationReconciler();
                DefaultDamagerRepairer colouring = new DefaultDamagerRepairer(new DrlScanner());
                reconciler.setDamager(colouring, IDocument.DEFAULT_CONTENT_TYPE);
                reconciler.setRepairer(colouring, IDocument.DEFAULT_CONTENT_TYPE);
                return reconciler;
            }

            @Override
            public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
                ContentAssistant assistant = new ContentAssistant();
                assistant.setContentAssistProcessor(new DrlContentAssist(), IDocument.DEFAULT_CONTENT_TYPE);
                assistant.enableAutoActivation(true);
                assistant.setAutoActivationDelay(300);
                return assistant;
            }
        });
    }

    @Override
    protected void createActions() {
        super.createActions();
        Action assist = new Action("Content Assist") {
            @Override
            public void run() {
                getSourceViewer().getTextOperationTarget().doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
            }
        };
        // bound to Ctrl+Space by the text editor's command
        assist.setActionDefinitionId(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS);
        setAction("ContentAssistProposal", assist);
    }

    @Override
    public void createPartControl(Composite parent) {
        super.createPartControl(parent);
        if (getEditorInput() instanceof IFileEditorInput input) {
            validation = new ValidationJob(input.getFile(), this::currentText);
            document().addDocumentListener(revalidate);
            validateSoon();
        }
    }

    @Override
    public <T> T getAdapter(Class<T> required) {
        if (IContentOutlinePage.class.equals(required)) {
            if (outline == null) {
                outline = new DrlOutlinePage(this);
            }
            return required.cast(outline);
        }
        return super.getAdapter(required);
    }

    public IFile file() {
        return getEditorInput() instanceof IFileEditorInput input ? input.getFile() : null;
    }

    public ISourceViewer viewer() {
        return getSourceViewer();
    }

    public IDocument document() {
        return getDocumentProvider().getDocument(getEditorInput());
    }

    private String currentText() {
        return document().get();
    }

    private void validateSoon() {
        validation.cancel();
        validation.schedule(ValidationJob.DEBOUNCE_MILLIS);
    }

    @Override
    public void dispose() {
        if (validation != null) {
            validation.cancel();
            IDocument document = document();
            if (document != null) {
                document.removeDocumentListener(revalidate);
            }
        }
        super.dispose();
    }
}
