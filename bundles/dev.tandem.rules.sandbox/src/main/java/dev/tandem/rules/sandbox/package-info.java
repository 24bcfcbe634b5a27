/**
 * The rule sandbox: what code in a rule bundle may reach. A rule bundle may use the fact model of
 * {@code dev.tandem.api} and {@code dev.tandem.api.rules}, plain {@code java.lang} value types, read and build
 * {@code java.util} collections, {@code java.time} and {@code java.math}, and nothing else; the allow-list is
 * {@link dev.tandem.rules.sandbox.RuleSandbox#ALLOWED}. Checked on the classes the rules compiler generated (and any
 * class in the bundle), on the expressions the compiler interprets, on the DRL imports and on the bundle's
 * {@code Import-Package}. Plain Java: the workbench checks at validation, the engine again at deploy.
 */
@Export
@Version("1.0.0")
package dev.tandem.rules.sandbox;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
