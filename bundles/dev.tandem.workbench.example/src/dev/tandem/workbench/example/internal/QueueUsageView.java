package dev.tandem.workbench.example.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;

import dev.tandem.workbench.core.RuleProject;
import dev.tandem.workbench.core.RuleVocabulary;

/** How many rules escalate to each queue, over the saved rule projects; refreshed when the view gets focus. */
public class QueueUsageView extends ViewPart {
    private static final Pattern ESCALATION = Pattern.compile("escalate\\s*\\(\\s*\"([\\w-]+)\"");
    private Table table;

    @Override
    public void createPartControl(Composite parent) {
        table = new Table(parent, SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        column("Queue", 160);
        column("Rules escalating to it", 160);
        refresh();
    }

    @Override
    public void setFocus() {
        refresh();
        table.setFocus();
    }

    /** Every queue of the routing policy, with the number of escalations to it. */
    Map<String, Integer> usage() {
        Map<String, Integer> usage = new TreeMap<>();
        RuleVocabulary.queues().forEach(queue -> usage.put(queue, 0));
        IProject rules = ResourcesPlugin.getWorkspace().getRoot().getProject("rules");
        try {
            for (IResource member : rules.isOpen() ? rules.members() : new IResource[0]) {
                if (member instanceof IFolder folder && folder.getLocation() != null) {
                    count(RuleProject.load(Path.of(folder.getLocation().toOSString())), usage);
                }
            }
        } catch (CoreException | IOException e) {
            setContentDescription("cannot read the rule projects: " + e.getMessage());
        }
        return usage;
    }

    private static void count(RuleProject project, Map<String, Integer> usage) {
        for (String drl : project.drlFiles().values()) {
            Matcher escalation = ESCALATION.matcher(drl);
            while (escalation.find()) {
                usage.merge(escalation.group(1), 1, Integer::sum);
            }
        }
    }

    private void refresh() {
        table.removeAll();
        usage().forEach((queue, rules) -> new TableItem(table, SWT.NONE).setText(new String[] {queue, rules.toString()}));
    }

    private void column(String title, int width) {
        TableColumn column = new TableColumn(table, SWT.NONE);
        column.setText(title);
        column.setWidth(width);
    }
}
