package dev.tandem.workbench.ui.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;

import dev.tandem.workbench.core.RuleProblem;
import dev.tandem.workbench.core.RuleProject;

/**
 * Validates a rule project with one file's current (possibly unsaved) text, in the background, with the
 * core's and the contributed validators, and replaces the project's rule problem markers with what they found.
 */
final class ValidationJob extends Job {
    static final long DEBOUNCE_MILLIS = 400;
    static final String MARKER = "dev.tandem.workbench.ui.problem";
    /** The marker attribute naming the validator that found the problem: the core's or a contributed one. */
    static final String VALIDATOR = "validator";

    private final IFile file;
    private final Supplier<String> currentText;
    private final RuleChecks checks = new RuleChecks();

    ValidationJob(IFile file, Supplier<String> currentText) {
        super("Validating " + file.getName());
        this.file = file;
        this.currentText = currentText;
        setSystem(true);
        setRule(RuleProjects.ruleFolderOf(file));
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        IFolder folder = RuleProjects.ruleFolderOf(file);
        String text = textOnUiThread();
        if (folder == null || text == null || monitor.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        try {
            RuleProject project = RuleProjects.load(folder).withFile(RuleProjects.projectPath(file), text);
            List<RuleChecks.Finding> problems = checks.check(project);
            if (monitor.isCanceled()) {
                return Status.CANCEL_STATUS;
            }
            ResourcesPlugin.getWorkspace().run(m -> replaceMarkers(folder, problems, text), folder,
                    IWorkspace.AVOID_UPDATE, monitor);
            return Status.OK_STATUS;
        } catch (IOException | CoreException e) {
            return Status.error("could not validate " + file.getFullPath(), e);
        }
    }

    private String textOnUiThread() {
        AtomicReference<String> text = new AtomicReference<>();
        Display display = Display.getDefault();
        if (!display.isDisposed()) {
            display.syncExec(() -> text.set(currentText.get()));
        }
        return text.get();
    }

    private void replaceMarkers(IFolder folder, List<RuleChecks.Finding> findings, String editedText)
            throws CoreException {
        folder.deleteMarkers(MARKER, true, IResource.DEPTH_INFINITE);
        for (RuleChecks.Finding finding : findings) {
            RuleProblem problem = finding.problem();
            IFile target = problem.file() == null ? null : folder.getFile(problem.file());
            IResource resource = target != null && target.exists() ? target : folder;
            Map<String, Object> attributes = new HashMap<>();
            attributes.put(IMarker.SEVERITY, finding.error() ? IMarker.SEVERITY_ERROR : IMarker.SEVERITY_WARNING);
            attributes.put(VALIDATOR, finding.validator());
            attributes.put(IMarker.MESSAGE, problem.message());
            attributes.put("kind", problem.kind().name());
            if (problem.line() > 0) {
                attributes.put(IMarker.LINE_NUMBER, problem.line());
                attributes.put(IMarker.LOCATION, "line " + problem.line());
            }
            if (file.equals(target) && problem.line() > 0) {
                markCharacters(attributes, editedText, problem);
            }
            // all attributes at once: a reader never sees a marker without its message
            resource.createMarker(MARKER, attributes);
        }
    }

    /** Underlines from the problem's column to the end of its word in the edited text. */
    private static void markCharacters(Map<String, Object> attributes, String text, RuleProblem problem) {
        int lineStart = 0;
        for (int line = 1; line < problem.line() && lineStart >= 0; line++) {
            lineStart = text.indexOf('\n', lineStart) + 1;
            if (lineStart == 0) {
                return;
            }
        }
        int start = lineStart + Math.max(problem.column() - 1, 0);
        int end = start;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        attributes.put(IMarker.CHAR_START, Math.min(start, text.length()));
        attributes.put(IMarker.CHAR_END, Math.max(end, Math.min(start + 1, text.length())));
    }
}
