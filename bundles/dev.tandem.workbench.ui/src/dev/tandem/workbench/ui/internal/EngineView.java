package dev.tandem.workbench.ui.internal;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;

import org.eclipse.compare.CompareUI;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
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
import org.osgi.framework.Version;

import dev.tandem.api.RulesetInfo;
import dev.tandem.api.RulesetState;
import dev.tandem.workbench.core.EngineClient;
import dev.tandem.workbench.core.EngineException;
import dev.tandem.workbench.core.RuleBundlePackager;
import dev.tandem.workbench.core.RuleProject;
import dev.tandem.workbench.core.ScenarioTester;
import dev.tandem.workbench.core.TestReport;

/**
 * The engine (URL and token from the Engine preference page): its rulesets with version, state and deployer;
 * Deploy (validates and runs the scenarios first, refuses on failure), Compare with active and Rollback, as Jobs.
 */
public class EngineView {
    public static final String ID = "dev.tandem.workbench.ui.engine";

    private TableViewer table;
    private Label status;
    private volatile List<RulesetInfo> rulesets = List.of();

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(4, false));
        button(parent, "Refresh", this::refresh);
        button(parent, "Deploy", this::deploy);
        button(parent, "Compare with active", this::compareWithActive);
        button(parent, "Rollback", this::rollback);
        status = new Label(parent, SWT.WRAP);
        GridDataFactory.fillDefaults().span(4, 1).grab(true, false).applyTo(status);
        table = new TableViewer(parent, SWT.FULL_SELECTION | SWT.BORDER);
        table.getTable().setHeaderVisible(true);
        GridDataFactory.fillDefaults().span(4, 1).grab(true, true).applyTo(table.getControl());
        column("Ruleset", 170, RulesetInfo::name);
        column("Version", 60, RulesetInfo::version);
        column("State", 60, r -> String.valueOf(r.state()));
        column("Deployed by", 90, r -> String.valueOf(r.deployedBy()));
        table.setContentProvider(ArrayContentProvider.getInstance());
        refresh();
    }

    public Job refresh() {
        return run("Reading the engine's rulesets", (client, monitor) -> "connected to " + client.engine());
    }

    /** Validates, runs the scenarios, then deploys the next version of the active rule project. */
    public Job deploy() {
        RuleProject project;
        try {
            project = OpenRuleProject.withEditorTexts(OpenRuleProject.activeFolder());
        } catch (IOException e) {
            status.setText(e.getMessage());
            return null;
        }
        return run("Deploying " + project.name(), (client, monitor) -> {
            monitor.subTask("validating");
            List<RuleChecks.Finding> errors = RuleChecks.errors(new RuleChecks().check(project));
            if (!errors.isEmpty()) {
                return "not deployed: " + errors.size() + " problems, first " + errors.get(0).problem();
            }
            monitor.subTask("running the scenarios");
            TestReport report = new ScenarioTester().test(project);
            if (!report.passed()) {
                return "not deployed: " + report.allProblems().get(0);
            }
            RuleProject next = project.withVersion(nextVersion(project, client.rulesets()));
            monitor.subTask("deploying " + next.version());
            RulesetInfo active = client.deploy(new RuleBundlePackager().build(next));
            return "deployed " + active.name() + " " + active.version();
        });
    }

    /**
     * Opens the compare editor on the rule project's files (unsaved edits included) against the files of the
     * version active on the engine; says so in the view when there is nothing to compare.
     */
    public Job compareWithActive() {
        RuleProject project;
        try {
            project = OpenRuleProject.withEditorTexts(OpenRuleProject.activeFolder());
        } catch (IOException e) {
            status.setText(e.getMessage());
            return null;
        }
        return run("Comparing " + project.name() + " with the active version", (client, monitor) -> {
            RulesetInfo active = client.rulesets().stream()
                    .filter(r -> r.name().equals(project.name()) && r.state() == RulesetState.ACTIVE).findFirst()
                    .orElse(null);
            if (active == null) {
                return "nothing to compare: no version of " + project.name() + " is active on the engine";
            }
            CompareWithActive input = new CompareWithActive(project.name() + " (workbench)", project.allFiles(),
                    active.name() + " " + active.version() + " (active)",
                    client.ruleFiles(active.name(), active.version()));
            if (!input.hasDifferences()) {
                return "the rule project is the same as the active " + active.version();
            }
            table.getControl().getDisplay().asyncExec(() -> CompareUI.openCompareEditor(input));
            return "comparing with the active " + active.version();
        });
    }

    public Job rollback() {
        String name;
        try {
            name = OpenRuleProject.withEditorTexts(OpenRuleProject.activeFolder()).name();
        } catch (IOException e) {
            status.setText(e.getMessage());
            return null;
        }
        return run("Rolling back " + name, (client, monitor) -> {
            RulesetInfo active = client.rollback(name);
            return "rolled back: " + active.name() + " " + active.version() + " is active";
        });
    }

    /** What the last action came to, as the view shows it. */
    public String statusText() {
        return status.getText();
    }

    public List<RulesetInfo> rulesets() {
        return rulesets;
    }

    /** Each deployment needs a version the engine has not seen: the project's, or one above the newest deployed. */
    static String nextVersion(RuleProject project, List<RulesetInfo> deployed) {
        Version version = Version.parseVersion(project.version());
        for (RulesetInfo info : deployed) {
            Version seen = Version.parseVersion(info.version());
            if (info.name().equals(project.name()) && seen.compareTo(version) >= 0) {
                version = new Version(seen.getMajor(), seen.getMinor(), seen.getMicro() + 1);
            }
        }
        return version.toString();
    }

    private interface EngineWork {
        String run(EngineClient client, IProgressMonitor monitor) throws EngineException, IOException;
    }

    private Job run(String title, EngineWork work) {
        EngineClient client = EnginePreferences.client();
        Job job = Job.create(title, monitor -> {
            String outcome;
            try {
                outcome = work.run(client, monitor);
            } catch (EngineException | IOException e) {
                outcome = e.getMessage();
            }
            List<RulesetInfo> now = List.of();
            try {
                now = client.rulesets();
            } catch (EngineException unreachable) {
                outcome = outcome + " (" + unreachable.getMessage() + ")";
            }
            rulesets = now;
            show(outcome, now);
            return (IStatus) Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
        return job;
    }

    private void show(String outcome, List<RulesetInfo> now) {
        table.getControl().getDisplay().asyncExec(() -> {
            if (!table.getControl().isDisposed()) {
                status.setText(outcome);
                table.setInput(now);
                status.getParent().layout();
            }
        });
    }

    private void column(String title, int width, Function<RulesetInfo, String> text) {
        TableViewerColumn column = new TableViewerColumn(table, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((RulesetInfo) element);
            }
        });
    }

    private static void button(Composite parent, String label, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.addListener(SWT.Selection, event -> action.run());
    }
}
