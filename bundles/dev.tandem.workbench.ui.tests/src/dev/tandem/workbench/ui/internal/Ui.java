package dev.tandem.workbench.ui.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;

/** Driving the running workbench from a test thread: work on the UI thread, waiting for the background. */
public final class Ui {
    public static final Duration PATIENCE = Duration.ofSeconds(90);

    private Ui() {
    }

    public interface Check {
        boolean holds() throws Exception;
    }

    /** Runs on the UI thread and returns its result, rethrowing what it threw. */
    public static <T> T ui(Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Display.getDefault().syncExec(() -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    public static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for: " + what);
    }

    /** Opens the default rule project's main DRL file in the DRL editor, once the project is linked. */
    public static DrlEditor openDefaultRules() throws Exception {
        await("the rule project is linked", () -> RuleProjects.defaultRuleFolder().exists());
        return ui(() -> (DrlEditor) IDE.openEditor(page(),
                RuleProjects.defaultRuleFolder().getFile("drl/escalation.drl"), DrlEditor.ID));
    }

    public static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getWorkbenchWindows()[0].getActivePage();
    }

    /** The view's own object: the e4 model's part holds it. */
    public static Object show(String viewId) {
        EPartService parts = PlatformUI.getWorkbench().getWorkbenchWindows()[0].getService(EPartService.class);
        return parts.showPart(viewId, EPartService.PartState.VISIBLE).getObject();
    }

    /** The rule problem markers of a file with the given severity. */
    public static int markers(IFile file, int severity) throws CoreException {
        int count = 0;
        for (IMarker marker : file.findMarkers(ValidationJob.MARKER, true, IResource.DEPTH_ZERO)) {
            count += marker.getAttribute(IMarker.SEVERITY, -1) == severity ? 1 : 0;
        }
        return count;
    }

    public static IMarker firstMarker(IFile file, int severity) throws CoreException {
        for (IMarker marker : file.findMarkers(ValidationJob.MARKER, true, IResource.DEPTH_ZERO)) {
            if (marker.getAttribute(IMarker.SEVERITY, -1) == severity) {
                return marker;
            }
        }
        return null;
    }

    /** Replaces the first occurrence of a text in an editor's document, as typing would. */
    public static void edit(DrlEditor editor, String text, String replacement) throws Exception {
        ui(() -> {
            String content = editor.document().get();
            int at = content.indexOf(text);
            if (at < 0) {
                throw new AssertionError("the rules contain " + text);
            }
            editor.document().replace(at, text.length(), replacement);
            return null;
        });
    }
}
