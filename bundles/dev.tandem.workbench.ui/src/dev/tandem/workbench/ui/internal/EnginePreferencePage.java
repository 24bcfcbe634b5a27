package dev.tandem.workbench.ui.internal;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * Window › Preferences › Engine: the engine's URL, and the access token whose principal the engine
 * records as deployer (kept in Eclipse secure storage, shown masked).
 */
public class EnginePreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
    private Text token;

    public EnginePreferencePage() {
        super(GRID);
        setDescription("The routing engine that Deploy, Compare with active and Rollback talk to.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, EnginePreferences.NODE));
    }

    @Override
    protected void createFieldEditors() {
        Composite parent = getFieldEditorParent();
        addField(new StringFieldEditor(EnginePreferences.ENGINE_URL, "Engine &URL:", parent));
        new Label(parent, SWT.NONE).setText("Access &token:");
        token = new Text(parent, SWT.BORDER | SWT.PASSWORD);
        token.setText(EnginePreferences.savedToken());
        token.setMessage("from " + EnginePreferences.TOKEN_VARIABLE + " when empty");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(token);
    }

    @Override
    public boolean performOk() {
        try {
            EnginePreferences.setToken(token.getText().strip());
        } catch (StorageException e) {
            setErrorMessage("The token could not be saved in secure storage: " + e.getMessage());
            return false;
        }
        return super.performOk();
    }

    @Override
    protected void performDefaults() {
        token.setText("");
        super.performDefaults();
    }

    /** For tests: the token field as the analyst sees it. */
    Text tokenField() {
        return token;
    }
}
