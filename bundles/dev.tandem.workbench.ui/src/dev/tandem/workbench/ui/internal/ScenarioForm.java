package dev.tandem.workbench.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tandem.workbench.core.RuleVocabulary;

/**
 * The form page of the scenario editor: the file's scenarios on the left, the selected one's name,
 * interaction, signals and expected decision on the right. Every edit goes straight into the JSON tree
 * and from there into the source page's document.
 */
final class ScenarioForm {
    private final Runnable changed;
    private ScenarioDocument document;
    private ObjectNode scenario;
    private boolean showing;

    final Composite control;
    final Label problem;
    final org.eclipse.swt.widgets.List scenarios;
    final Text name;
    final Text interactionId;
    final Text channel;
    final Text language;
    final Text customerId;
    final Combo tier;
    final Text aiConfidence;
    final Text messages;
    final Text signals;
    final Combo route;
    final Combo queue;
    final Text priority;
    final Text skills;
    final Text rules;
    private final List<Control> fields = new ArrayList<>();

    /** @param changed told after each edit, when the tree holds it */
    ScenarioForm(Composite parent, Runnable changed) {
        this.changed = changed;
        control = new Composite(parent, SWT.NONE);
        control.setLayout(new GridLayout(1, false));
        problem = new Label(control, SWT.WRAP);
        problem.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_RED));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(problem);
        SashForm sash = new SashForm(control, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);

        Composite list = new Composite(sash, SWT.NONE);
        list.setLayout(new GridLayout(2, true));
        scenarios = new org.eclipse.swt.widgets.List(list, SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(scenarios);
        scenarios.addListener(SWT.Selection, event -> select(scenarios.getSelectionIndex()));
        button(list, "Add", this::addScenario);
        button(list, "Remove", this::removeScenario);

        ScrolledComposite scrolled = new ScrolledComposite(sash, SWT.V_SCROLL | SWT.H_SCROLL);
        Composite form = new Composite(scrolled, SWT.NONE);
        form.setLayout(new GridLayout(2, false));
        name = text(form, "Name:", SWT.SINGLE);
        heading(form, "Interaction");
        interactionId = text(form, "Interaction id:", SWT.SINGLE);
        channel = text(form, "Channel:", SWT.SINGLE);
        language = text(form, "Language:", SWT.SINGLE);
        customerId = text(form, "Customer id:", SWT.SINGLE);
        tier = combo(form, "Customer tier:", SWT.DROP_DOWN, "", "standard", "gold", "platinum");
        aiConfidence = text(form, "AI confidence:", SWT.SINGLE);
        messages = text(form, "Messages (from: text):", SWT.MULTI);
        signals = text(form, "Signals (name = value):", SWT.MULTI);
        heading(form, "Expected decision");
        route = combo(form, "Route:", SWT.READ_ONLY, "HUMAN", "AI");
        List<String> queues = new ArrayList<>(List.of(""));
        queues.addAll(RuleVocabulary.queues());
        queue = combo(form, "Queue:", SWT.READ_ONLY, queues.toArray(String[]::new));
        priority = text(form, "Priority:", SWT.SINGLE);
        skills = text(form, "Skills (comma-separated):", SWT.SINGLE);
        rules = text(form, "Rules that fire (one a line):", SWT.MULTI);
        scrolled.setContent(form);
        scrolled.setExpandHorizontal(true);
        scrolled.setExpandVertical(true);
        scrolled.setMinSize(form.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        sash.setWeights(1, 3);
    }

    /** Shows a freshly read document, keeping the selection where it can. */
    void show(ScenarioDocument shown) {
        document = shown;
        int selected = Math.max(scenarios.getSelectionIndex(), 0);
        scenarios.setItems(shown.names().toArray(String[]::new));
        select(shown.size() == 0 ? -1 : Math.min(selected, shown.size() - 1));
    }

    ScenarioDocument document() {
        return document;
    }

    void select(int index) {
        scenario = index < 0 ? null : document.scenario(index);
        if (index >= 0) {
            scenarios.setSelection(index);
        }
        fields.forEach(field -> field.setEnabled(scenario != null));
        showing = true;
        try {
            fill(scenario == null ? JsonNodeFactory.instance.objectNode() : scenario);
        } finally {
            showing = false;
        }
    }

    private void fill(JsonNode shown) {
        JsonNode interaction = shown.path("interaction");
        JsonNode expect = shown.path("expect");
        name.setText(shown.path("name").asText());
        interactionId.setText(interaction.path("interactionId").asText());
        channel.setText(interaction.path("channel").asText());
        language.setText(interaction.path("language").asText());
        customerId.setText(interaction.path("customer").path("id").asText());
        tier.setText(interaction.path("customer").path("tier").asText());
        aiConfidence.setText(interaction.path("aiConfidence").asText());
        messages.setText(ScenarioDocument.messagesText(interaction.path("messages")));
        signals.setText(ScenarioDocument.signalsText(shown.path("signals")));
        route.setText(expect.path("route").asText("HUMAN"));
        queue.setText(expect.path("queue").asText());
        priority.setText(expect.path("priority").asText());
        skills.setText(ScenarioDocument.linesText(expect.path("skills"), ", "));
        rules.setText(ScenarioDocument.linesText(expect.path("rules"), "\n"));
    }

    /** Writes every field into the selected scenario's tree; a number that does not read is left out and named. */
    private void store() {
        if (showing || scenario == null) {
            return;
        }
        List<String> unread = new ArrayList<>();
        scenario.put("name", name.getText());
        ObjectNode interaction = child(scenario, "interaction");
        putOrRemove(interaction, "interactionId", interactionId.getText());
        putOrRemove(interaction, "channel", channel.getText());
        putOrRemove(interaction, "language", language.getText());
        ObjectNode customer = child(interaction, "customer");
        putOrRemove(customer, "id", customerId.getText());
        putOrRemove(customer, "tier", tier.getText());
        if (customer.isEmpty()) {
            interaction.remove("customer");
        }
        putNumber(interaction, "aiConfidence", aiConfidence.getText(), false, unread);
        interaction.set("messages", ScenarioDocument.messages(messages.getText()));
        if (signals.getText().isBlank()) {
            scenario.remove("signals");
        } else {
            scenario.set("signals", ScenarioDocument.signals(signals.getText()));
        }
        ObjectNode expect = child(scenario, "expect");
        expect.put("route", route.getText());
        putOrRemove(expect, "queue", queue.getText());
        putNumber(expect, "priority", priority.getText(), true, unread);
        putListOrRemove(expect, "skills", skills.getText(), ",");
        putListOrRemove(expect, "rules", rules.getText(), "\n");
        scenarios.setItem(scenarios.getSelectionIndex(), name.getText());
        problem.setText(unread.isEmpty() ? "" : String.join("; ", unread));
        changed.run();
    }

    private static ObjectNode child(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode child ? child : parent.putObject(field);
    }

    private static void putOrRemove(ObjectNode node, String field, String text) {
        if (text.isBlank()) {
            node.remove(field);
        } else {
            node.put(field, text.strip());
        }
    }

    private static void putListOrRemove(ObjectNode node, String field, String text, String separator) {
        if (text.isBlank()) {
            node.remove(field);
        } else {
            node.set(field, ScenarioDocument.lines(text, separator));
        }
    }

    private static void putNumber(ObjectNode node, String field, String text, boolean integer, List<String> unread) {
        if (text.isBlank()) {
            node.remove(field);
            return;
        }
        try {
            if (integer) {
                node.put(field, Integer.parseInt(text.strip()));
            } else {
                node.put(field, Double.parseDouble(text.strip()));
            }
        } catch (NumberFormatException e) {
            unread.add(field + " must be " + (integer ? "a whole number" : "a number") + ", not '" + text.strip() + "'");
        }
    }

    private void addScenario() {
        int added = document.add();
        scenarios.add(document.names().get(added));
        select(added);
        changed.run();
    }

    private void removeScenario() {
        int selected = scenarios.getSelectionIndex();
        if (selected < 0) {
            return;
        }
        document.remove(selected);
        scenarios.remove(selected);
        select(Math.min(selected, document.size() - 1));
        changed.run();
    }

    private Text text(Composite form, String label, int style) {
        new Label(form, SWT.NONE).setText(label);
        Text text = new Text(form, SWT.BORDER | style | (style == SWT.MULTI ? SWT.V_SCROLL | SWT.WRAP : 0));
        GridDataFactory.fillDefaults().grab(true, false).hint(360, style == SWT.MULTI ? 60 : SWT.DEFAULT).applyTo(text);
        text.addListener(SWT.Modify, event -> store());
        fields.add(text);
        return text;
    }

    private Combo combo(Composite form, String label, int style, String... items) {
        new Label(form, SWT.NONE).setText(label);
        Combo combo = new Combo(form, style);
        combo.setItems(items);
        combo.addListener(SWT.Modify, event -> store());
        combo.addListener(SWT.Selection, event -> store());
        fields.add(combo);
        return combo;
    }

    private static void heading(Composite form, String text) {
        Label heading = new Label(form, SWT.NONE);
        heading.setText(text);
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 6).applyTo(heading);
    }

    private static void button(Composite parent, String label, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(button);
        button.addListener(SWT.Selection, event -> action.run());
    }
}
