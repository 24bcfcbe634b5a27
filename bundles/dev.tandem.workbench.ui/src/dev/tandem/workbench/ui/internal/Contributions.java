package dev.tandem.workbench.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;

import dev.tandem.workbench.ui.RuleCheck;

/**
 * What other plug-ins contribute through the workbench's extension points (see {@code schema/*.exsd}):
 * rule templates, validators and views for the Rules perspective. Read from the extension registry on
 * every use, so plug-ins installed or removed at run time are seen.
 */
final class Contributions {
    static final String TEMPLATES = "dev.tandem.workbench.ui.ruleTemplates";
    static final String VALIDATORS = "dev.tandem.workbench.ui.ruleValidators";
    static final String VIEWS = "dev.tandem.workbench.ui.ruleViews";

    /** A rule template: offered by content assist where a rule may start. */
    record Template(String name, String description, String text, String contributor) {
    }

    /** A contributed check, the severity of its problems and who contributed it. */
    record Validator(String id, String name, boolean errors, RuleCheck check) {
    }

    /** A view the Rules perspective shows, and where: {@code left}, {@code right} or {@code bottom}. */
    record View(String id, String placement) {
    }

    private Contributions() {
    }

    static List<Template> templates() {
        List<Template> templates = new ArrayList<>();
        for (IConfigurationElement element : elements(TEMPLATES, "template")) {
            String text = element.getValue();
            if (text != null && !text.isBlank()) {
                templates.add(new Template(element.getAttribute("name"), element.getAttribute("description"),
                        text.strip() + "\n", element.getContributor().getName()));
            }
        }
        return templates;
    }

    static List<Validator> validators() {
        List<Validator> validators = new ArrayList<>();
        for (IConfigurationElement element : elements(VALIDATORS, "validator")) {
            try {
                validators.add(new Validator(element.getAttribute("id"), element.getAttribute("name"),
                        "error".equals(element.getAttribute("severity")),
                        (RuleCheck) element.createExecutableExtension("class")));
            } catch (CoreException | ClassCastException e) {
                ILog.of(Contributions.class).error("validator " + element.getAttribute("id") + " of "
                        + element.getContributor().getName() + " cannot be created", e);
            }
        }
        return validators;
    }

    static List<View> views() {
        List<View> views = new ArrayList<>();
        for (IConfigurationElement element : elements(VIEWS, "view")) {
            String placement = element.getAttribute("placement");
            views.add(new View(element.getAttribute("id"), placement == null ? "bottom" : placement));
        }
        return views;
    }

    private static List<IConfigurationElement> elements(String extensionPoint, String name) {
        List<IConfigurationElement> elements = new ArrayList<>();
        for (IConfigurationElement element : Platform.getExtensionRegistry().getConfigurationElementsFor(extensionPoint)) {
            if (name.equals(element.getName())) {
                elements.add(element);
            }
        }
        return elements;
    }
}
