package dev.tandem.workbench.ui.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;

import dev.tandem.workbench.core.EngineClient;

/**
 * Where the engine is (instance preferences) and the token that authenticates deploys and rollbacks
 * (Eclipse secure storage, never plain preferences). Defaults come from {@code TANDEM_ENGINE_URL} and
 * {@code TANDEM_ENGINE_TOKEN}, which {@code ./tandem start} sets for the engine it started.
 */
public class EnginePreferences extends AbstractPreferenceInitializer {
    public static final String NODE = "dev.tandem.workbench.ui";
    public static final String ENGINE_URL = "engineUrl";
    static final String TOKEN = "token";
    static final String URL_VARIABLE = "TANDEM_ENGINE_URL";
    static final String TOKEN_VARIABLE = "TANDEM_ENGINE_TOKEN";

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(NODE);
        defaults.put(ENGINE_URL, defaultEngineUrl());
    }

    private static String defaultEngineUrl() {
        String fromEnvironment = System.getenv(URL_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        return System.getProperty("tandem.engine", EngineClient.DEFAULT_ENGINE.toString());
    }

    public static EngineClient client() {
        return new EngineClient(URI.create(engineUrl()), token());
    }

    public static String engineUrl() {
        return Platform.getPreferencesService().getString(NODE, ENGINE_URL, "", null);
    }

    public static void setEngineUrl(String url) {
        InstanceScope.INSTANCE.getNode(NODE).put(ENGINE_URL, url);
    }

    /** The token saved on the preference page, else {@code TANDEM_ENGINE_TOKEN}, else none. */
    public static String token() {
        String saved = savedToken();
        if (!saved.isEmpty()) {
            return saved;
        }
        String fromEnvironment = System.getenv(TOKEN_VARIABLE);
        return fromEnvironment == null ? "" : fromEnvironment.strip();
    }

    /** The token in secure storage, empty when none was saved. */
    static String savedToken() {
        try {
            return secureNode().get(TOKEN, "");
        } catch (StorageException e) {
            ILog.of(EnginePreferences.class).error("could not read the engine token from secure storage", e);
            return "";
        }
    }

    /** Encrypted in secure storage; an empty token removes the saved one, so the environment's applies again. */
    public static void setToken(String token) throws StorageException {
        ISecurePreferences node = secureNode();
        if (token == null || token.isEmpty()) {
            node.remove(TOKEN);
        } else {
            node.put(TOKEN, token, true);
        }
        try {
            node.flush();
        } catch (IOException e) {
            throw new StorageException(StorageException.INTERNAL_ERROR, e);
        }
    }

    /** Whether the token is kept encrypted (the secure storage says so, not this class). */
    static boolean tokenEncrypted() throws StorageException {
        return secureNode().isEncrypted(TOKEN);
    }

    /**
     * The default secure storage, opened without prompting: on a desktop without a keyring module
     * (and under Xvfb) Equinox would otherwise block on a password dialog that nobody answers.
     */
    private static ISecurePreferences secureNode() throws StorageException {
        try {
            ISecurePreferences root = SecurePreferencesFactory.open(null, Map.of(IProviderHints.PROMPT_USER, false,
                    IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(storageKey())));
            if (root == null) {
                throw new StorageException(StorageException.INTERNAL_ERROR, "Eclipse secure storage is unavailable");
            }
            return root.node(NODE);
        } catch (IOException e) {
            throw new StorageException(StorageException.INTERNAL_ERROR, e);
        }
    }

    /** The storage file is the user's own (in {@code ~/.eclipse}); the key keeps it unreadable as plain text. */
    private static char[] storageKey() {
        return ("tandem-workbench:" + System.getProperty("user.name") + ":" + System.getProperty("user.home"))
                .toCharArray();
    }
}
