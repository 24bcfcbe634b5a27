package dev.tandem.workbench.ui.internal;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/** Window › Preferences › Engine: the engine's URL and the name deployments are recorded under. */
public class EnginePreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public EnginePreferencePage() {
        super(GRID);
        setDescription("The routing engine that Deploy and Rollback talk to.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, EnginePreferences.NODE));
    }

    @Override
    protected void createFieldEditors() {
        addField(new StringFieldEditor(EnginePreferences.ENGINE_URL, "Engine &URL:", getFieldEditorParent()));
        addField(new StringFieldEditor(EnginePreferences.USER, "Deploy &as:", getFieldEditorParent()));
    }
}
