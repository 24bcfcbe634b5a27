package dev.tandem.workbench.ui.internal;

import java.io.IOException;
import java.util.function.Function;
import jakarta.annotation.PostConstruct;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import dev.tandem.workbench.core.RuleProject;
import dev.tandem.workbench.core.ScenarioResult;
import dev.tandem.workbench.core.ScenarioTester;
import dev.tandem.workbench.core.TestReport;

/**
 * Runs the rule project's scenarios, unsaved edits included: pass or fail, expected against actual and
 * the rules that fired; a double-click opens the scenario.
 */
public class ScenarioRunnerView {
    public static final String ID = "dev.tandem.workbench.ui.scenarios";

    private TableViewer table;
    private Label summary;
    private volatile TestReport lastReport;
    private IFolder lastFolder;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        Button run = new Button(parent, SWT.PUSH);
        run.setText("Run scenarios");
        run.addListener(SWT.Selection, event -> runScenarios());
        summary = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        table = new TableViewer(parent, SWT.FULL_SELECTION | SWT.BORDER);
        table.getTable().setHeaderVisible(true);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(table.getControl());
        column("Result", 60, r -> r.passed() ? "pass" : "FAIL");
        column("Scenario", 320, ScenarioResult::name);
        column("Expected", 300, ScenarioResult::expected);
        column("Actual", 420, r -> r.passed() ? r.actualText() : r.actualText() + "  — " + String.join("; ", r.mismatches()));
        table.setContentProvider(ArrayContentProvider.getInstance());
        table.addDoubleClickListener(event -> {
            if (event.getSelection() instanceof IStructuredSelection selected
                    && selected.getFirstElement() instanceof ScenarioResult result) {
                openScenario(result);
            }
        });
    }

    /** Opens the scenario in the scenario editor (or a text editor, at the line that names it). */
    public void openScenario(ScenarioResult result) {
        IFolder folder = lastFolder;
        if (folder == null) {
            return;
        }
        try {
            IEditorPart editor = IDE.openEditor(OpenRuleProject.page(),
                    folder.getFile(result.file()));
            if (editor instanceof ScenarioEditor scenarios) {
                scenarios.showScenario(result.name());
            } else if (editor instanceof ITextEditor text) {
                IDocument document = text.getDocumentProvider().getDocument(text.getEditorInput());
                IRegion line = document.getLineInformation(Math.max(result.line() - 1, 0));
                text.selectAndReveal(line.getOffset(), line.getLength());
            }
        } catch (PartInitException | BadLocationException e) {
            ILog.of(getClass()).error("could not open " + result.file(), e);
        }
    }

    private void column(String title, int width, Function<ScenarioResult, String> text) {
        TableViewerColumn column = new TableViewerColumn(table, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((ScenarioResult) element);
            }
        });
    }

    /** Starts a run in a Job; the table shows the results when it ends. */
    public Job runScenarios() {
        IFolder folder = OpenRuleProject.activeFolder();
        RuleProject project;
        try {
            project = OpenRuleProject.withEditorTexts(folder);
        } catch (IOException e) {
            summary.setText("cannot read " + folder.getName() + ": " + e.getMessage());
            return null;
        }
        lastFolder = folder;
        summary.setText("running the scenarios of " + project.name() + "…");
        Job job = Job.create("Running the scenarios of " + project.name(), monitor -> {
            TestReport report = new ScenarioTester().test(project);
            lastReport = report;
            table.getControl().getDisplay().asyncExec(() -> show(report));
            return Status.OK_STATUS;
        });
        job.schedule();
        return job;
    }

    private void show(TestReport report) {
        if (table.getControl().isDisposed()) {
            return;
        }
        table.setInput(report.results());
        summary.setText(report.results().size() + " scenarios, " + report.failedCount() + " failed"
                + (report.problems().isEmpty() ? "" : "; cannot run: " + report.problems()));
    }

    public TestReport lastReport() {
        return lastReport;
    }
}
