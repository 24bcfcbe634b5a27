package dev.tandem.workbench.ui.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import dev.tandem.api.Customer;
import dev.tandem.api.Interaction;
import dev.tandem.api.Message;
import dev.tandem.api.RoutingDecision;
import dev.tandem.api.Signal;
import dev.tandem.workbench.core.RuleProject;
import dev.tandem.workbench.core.RulesDoNotBuildException;
import dev.tandem.workbench.core.ScenarioTester;

/** Type a customer message and the signals to assume; see the decision of the rules in the editors, undeployed. */
public class TryItView {
    public static final String ID = "dev.tandem.workbench.ui.tryit";

    private Text message;
    private Combo language;
    private Combo tier;
    private Text signals;
    private Text decision;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(4, false));
        message = field(parent, "Customer says:", 3);
        language = combo(parent, "Language:", "en", "zh", "id");
        tier = combo(parent, "Tier:", "standard", "gold", "platinum");
        signals = field(parent, "Signals:", 1);
        signals.setMessage("humanRequest=0.9, topic.fraud=0.8");
        Button decide = new Button(parent, SWT.PUSH);
        decide.setText("Decide");
        decide.addListener(SWT.Selection, event -> decide());
        decision = new Text(parent, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        GridDataFactory.fillDefaults().span(4, 1).grab(true, true).applyTo(decision);
    }

    private void decide() {
        RuleProject project;
        try {
            project = OpenRuleProject.withEditorTexts(OpenRuleProject.activeFolder());
        } catch (IOException e) {
            decision.setText(e.getMessage());
            return;
        }
        Interaction interaction = new Interaction("try-it", "chat", language.getText(),
                new Customer("analyst", tier.getText()), List.of(new Message(Message.CUSTOMER, message.getText())),
                Double.NaN, Map.of());
        List<Signal> given = parseSignals(signals.getText());
        Job.create("Trying the rules of " + project.name(), monitor -> {
            String answer = answer(project, interaction, given);
            decision.getDisplay().asyncExec(() -> {
                if (!decision.isDisposed()) {
                    decision.setText(answer);
                }
            });
            return Status.OK_STATUS;
        }).schedule();
    }

    private static String answer(RuleProject project, Interaction interaction, List<Signal> given) {
        try {
            RoutingDecision made = new ScenarioTester().tryIt(project, interaction, given);
            return made.route() + (made.queue() == null ? "" : " → " + made.queue()) + ", priority " + made.priority()
                    + ", skills " + made.skills() + "\nsignals " + made.signals() + "\nrules fired "
                    + made.firedRules() + "\nreasons " + made.reasons();
        } catch (RulesDoNotBuildException e) {
            return "The rules do not build:\n" + String.join("\n", e.problems().stream().map(Object::toString).toList());
        }
    }

    /** {@code name=score} or {@code name=label}, comma-separated. */
    static List<Signal> parseSignals(String text) {
        List<Signal> parsed = new ArrayList<>();
        for (String pair : text.split(",")) {
            String[] nameAndValue = pair.split("=", 2);
            if (nameAndValue.length == 2 && !nameAndValue[0].isBlank()) {
                String name = nameAndValue[0].strip();
                String value = nameAndValue[1].strip();
                try {
                    parsed.add(Signal.score(name, Double.parseDouble(value), "try-it"));
                } catch (NumberFormatException label) {
                    parsed.add(new Signal(name, 1.0, value, "try-it"));
                }
            }
        }
        return parsed;
    }

    private static Text field(Composite parent, String label, int span) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER);
        GridDataFactory.fillDefaults().span(span, 1).grab(true, false).applyTo(text);
        return text;
    }

    private static Combo combo(Composite parent, String label, String... items) {
        new Label(parent, SWT.NONE).setText(label);
        Combo combo = new Combo(parent, SWT.READ_ONLY);
        combo.setItems(items);
        combo.select(0);
        return combo;
    }
}
