package dev.tandem.workbench.ui.tests;

import static dev.tandem.workbench.ui.internal.Ui.await;
import static dev.tandem.workbench.ui.internal.Ui.ui;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.compare.CompareEditorInput;
import org.eclipse.compare.structuremergeviewer.DiffNode;
import org.eclipse.compare.structuremergeviewer.IDiffElement;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tandem.api.RulesetInfo;
import dev.tandem.api.RulesetState;
import dev.tandem.workbench.ui.internal.DrlEditor;
import dev.tandem.workbench.ui.internal.EnginePreferences;
import dev.tandem.workbench.ui.internal.EngineView;
import dev.tandem.workbench.ui.internal.RuleProjects;
import dev.tandem.workbench.ui.internal.ScenarioRunnerView;

/** Drives the real workbench: the default rule project, its editor's markers, scenarios, deploy and rollback. */
class WorkbenchUiTest {
    private static final String RULE_FILE = "drl/escalation.drl";
    private DrlEditor editor;

    @BeforeEach
    void openTheDefaultRules() throws Exception {
        await("the rule project is linked", () -> RuleProjects.defaultRuleFolder().exists());
        editor = ui(() -> (DrlEditor) IDE.openEditor(page(), RuleProjects.defaultRuleFolder().getFile(RULE_FILE),
                DrlEditor.ID));
    }

    @AfterEach
    void closeWithoutSaving() throws Exception {
        ui(() -> page().closeAllEditors(false));
    }

    @Test
    void aSyntaxErrorBecomesAMarkerWhileTypingAndGoesWhenFixed() throws Exception {
        IFile file = editor.file();
        await("no marker on the default rules", () -> markers(file) == 0);
        edit("then\n    decision.escalate(\"general\", 80", "than\n    decision.escalate(\"general\", 80");
        await("a marker for the syntax error", () -> markers(file) > 0);
        edit("than\n    decision.escalate(\"general\", 80", "then\n    decision.escalate(\"general\", 80");
        await("the marker goes once the error is fixed", () -> markers(file) == 0);
    }

    @Test
    void aScenarioThatNoLongerHoldsIsReportedAsFailed() throws Exception {
        ScenarioRunnerView view = ui(() -> (ScenarioRunnerView) show(ScenarioRunnerView.ID));
        edit("decision.escalate(\"general\", 80,", "decision.escalate(\"general\", 40,");
        ui(view::runScenarios).join();
        assertTrue(view.lastReport().failedCount() > 0, () -> view.lastReport().allProblems().toString());
        edit("decision.escalate(\"general\", 40,", "decision.escalate(\"general\", 80,");
        ui(view::runScenarios).join();
        assertEquals(0, view.lastReport().failedCount(), () -> view.lastReport().allProblems().toString());
    }

    @Test
    void deployMakesANewVersionActiveCompareShowsTheEditAndRollbackTheOldOne() throws Exception {
        Path data = Files.createTempDirectory("tandem-ui-engine");
        int port = freePort();
        Process engine = startEngine(data, port);
        try {
            EnginePreferences.setEngineUrl("http://127.0.0.1:" + port);
            Path adminToken = data.resolve("admin.token");
            await("the engine made its admin token", () -> Files.exists(adminToken));
            EnginePreferences.setToken(Files.readString(adminToken).strip());
            EngineView view = ui(() -> (EngineView) show(EngineView.ID));
            await("the engine lists the default ruleset", () -> join(ui(view::refresh)) && active(view) != null);
            String before = active(view).version();
            join(ui(view::deploy));
            assertTrue(!before.equals(active(view).version()), "a new version is active: " + view.rulesets()
                    + " (" + ui(view::statusText) + ")");
            assertEquals("admin", active(view).deployedBy(), "the token's principal deployed");

            edit("decision.escalate(\"general\", 80,", "decision.escalate(\"general\", 85,");
            join(ui(view::compareWithActive));
            await("the compare editor shows the edited rule file", () -> comparedPaths().contains(RULE_FILE));
            assertEquals(List.of(RULE_FILE), comparedPaths(), "only the edited file differs");
            edit("decision.escalate(\"general\", 85,", "decision.escalate(\"general\", 80,");

            screenshotWithAMarkerIfAsked();
            join(ui(view::rollback));
            assertEquals(before, active(view).version());
        } finally {
            engine.destroy();
            engine.waitFor();
            EnginePreferences.setToken("");
            deleteTree(data);
        }
    }

    /** The files of the open Compare with active editor that differ, empty while none is open. */
    private static List<String> comparedPaths() throws Exception {
        return ui(() -> {
            List<String> paths = new ArrayList<>();
            for (IEditorReference reference : page().getEditorReferences()) {
                IEditorPart part = reference.getEditor(false);
                if (part != null && part.getEditorInput() instanceof CompareEditorInput input
                        && input.getCompareResult() instanceof DiffNode root) {
                    for (IDiffElement child : root.getChildren()) {
                        paths.add(child.getName());
                    }
                }
            }
            return paths;
        });
    }

    /** {@code -Dtandem.screenshot=<png>}: the README's picture, the editor with a marker beside the Engine view. */
    private void screenshotWithAMarkerIfAsked() throws Exception {
        String target = System.getProperty("tandem.screenshot");
        if (target == null || target.isBlank() || target.equals("none")) {
            return;
        }
        edit("then\n    decision.escalate(\"general\", 80", "than\n    decision.escalate(\"general\", 80");
        await("a marker for the screenshot", () -> markers(editor.file()) > 0);
        ui(() -> page().showView(IPageLayout.ID_PROBLEM_VIEW));
        ui(() -> {
            page().activate(editor); // in front of the compare editor, at the marker
            IDE.gotoMarker(editor, editor.file().findMarkers("dev.tandem.workbench.ui.problem", true,
                    IResource.DEPTH_ZERO)[0]);
            return null;
        });
        Thread.sleep(1500);
        ui(() -> {
            Shell shell = PlatformUI.getWorkbench().getWorkbenchWindows()[0].getShell();
            Rectangle area = shell.getBounds();
            Image image = new Image(shell.getDisplay(), area.width, area.height);
            GC gc = new GC(shell.getDisplay());
            gc.copyArea(image, area.x, area.y);
            gc.dispose();
            ImageLoader png = new ImageLoader();
            png.data = new ImageData[] {image.getImageData()};
            Files.createDirectories(Path.of(target).toAbsolutePath().getParent());
            png.save(target, SWT.IMAGE_PNG);
            image.dispose();
            return null;
        });
        edit("than\n    decision.escalate(\"general\", 80", "then\n    decision.escalate(\"general\", 80");
        await("the marker goes after the screenshot", () -> markers(editor.file()) == 0);
    }

    private static RulesetInfo active(EngineView view) {
        return view.rulesets().stream().filter(r -> r.state() == RulesetState.ACTIVE).findFirst().orElse(null);
    }

    private static Process startEngine(Path data, int port) throws IOException {
        Path distribution = Path.of(System.getProperty("tandem.root", "../.."), "product", "engine", "target",
                "tandem-engine");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", distribution.resolve("lib") + File.separator + "*",
                "dev.tandem.launcher.Main", "--distribution", distribution.toString(), "--port",
                String.valueOf(port), "--data", data.toString())
                .redirectErrorStream(true).redirectOutput(data.resolve("engine.log").toFile()).start();
    }

    private void edit(String text, String replacement) throws Exception {
        ui(() -> {
            String content = editor.document().get();
            int at = content.indexOf(text);
            assertTrue(at >= 0, "the rules contain " + text);
            editor.document().replace(at, text.length(), replacement);
            return null;
        });
    }

    private static int markers(IFile file) throws CoreException {
        int errors = 0;
        for (IMarker marker : file.findMarkers("dev.tandem.workbench.ui.problem", true, IResource.DEPTH_ZERO)) {
            errors += marker.getAttribute(IMarker.SEVERITY, 0) == IMarker.SEVERITY_ERROR ? 1 : 0;
        }
        return errors;
    }

    private static boolean join(Job job) throws InterruptedException {
        job.join();
        return true;
    }

    /** The view's own object: the e4 model's part holds it. */
    private static Object show(String viewId) {
        EPartService parts = PlatformUI.getWorkbench().getWorkbenchWindows()[0].getService(EPartService.class);
        return parts.showPart(viewId, EPartService.PartState.VISIBLE).getObject();
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getWorkbenchWindows()[0].getActivePage();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
