package dev.tandem.workbench.ui.internal;

import java.net.URI;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.core.runtime.Platform;

import dev.tandem.workbench.core.EngineClient;

/** Where the engine is and who deploys: set on the Engine preference page. */
public class EnginePreferences extends AbstractPreferenceInitializer {
    public static final String NODE = "dev.tandem.workbench.ui";
    public static final String ENGINE_URL = "engineUrl";
    public static final String USER = "user";

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(NODE);
        defaults.put(ENGINE_URL, System.getProperty("tandem.engine", EngineClient.DEFAULT_ENGINE.toString()));
        defaults.put(USER, System.getProperty("user.name", "analyst"));
    }

    public static EngineClient client() {
        return new EngineClient(URI.create(value(ENGINE_URL)), value(USER));
    }

    public static void setEngineUrl(String url) {
        InstanceScope.INSTANCE.getNode(NODE).put(ENGINE_URL, url);
    }

    private static String value(String key) {
        return Platform.getPreferencesService().getString(NODE, key, "", null);
    }
}
