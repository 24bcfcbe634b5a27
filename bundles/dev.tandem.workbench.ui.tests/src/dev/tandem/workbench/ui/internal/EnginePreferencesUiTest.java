package dev.tandem.workbench.ui.internal;

import static dev.tandem.workbench.ui.internal.Ui.ui;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Engine preference page: the engine URL in preferences, the token in secure storage (encrypted,
 * never in the preference files), both defaulting to what {@code ./tandem start} puts in the environment
 * (the test run sets TANDEM_ENGINE_URL and TANDEM_ENGINE_TOKEN, see this bundle's pom).
 */
class EnginePreferencesUiTest {

    @AfterEach
    void forgetTheSavedToken() throws Exception {
        EnginePreferences.setToken("");
    }

    @Test
    void theDefaultsComeFromTheEnvironment() throws Exception {
        EnginePreferences.setToken("");
        assertEquals(System.getenv(EnginePreferences.URL_VARIABLE),
                DefaultScope.INSTANCE.getNode(EnginePreferences.NODE).get(EnginePreferences.ENGINE_URL, null));
        assertEquals(System.getenv(EnginePreferences.TOKEN_VARIABLE), EnginePreferences.token());
    }

    @Test
    void theTokenTypedOnThePageIsKeptEncryptedInSecureStorageOnly() throws Exception {
        String token = "tdm_typed-on-the-preference-page";
        ui(() -> {
            Shell shell = new Shell(PlatformUI.getWorkbench().getDisplay());
            try {
                EnginePreferencePage page = new EnginePreferencePage();
                page.init(PlatformUI.getWorkbench());
                page.createControl(shell);
                assertTrue((page.tokenField().getStyle() & SWT.PASSWORD) != 0, "the token is masked");
                page.tokenField().setText(token);
                assertTrue(page.performOk());
                page.dispose();
            } finally {
                shell.dispose();
            }
            return null;
        });
        assertEquals(token, EnginePreferences.token());
        assertTrue(EnginePreferences.tokenEncrypted());
        Path preferences = Path.of(Platform.getStateLocation(Platform.getBundle("org.eclipse.core.runtime"))
                .toOSString()).getParent();
        try (var files = Files.walk(preferences)) {
            assertTrue(files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".prefs"))
                    .noneMatch(f -> contains(f, token)), "no preference file holds the token");
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (java.io.IOException unreadable) {
            return false;
        }
    }
}
