/**
 * What escalation rules write to. Rules read {@link dev.tandem.api.Interaction}
 * and {@link dev.tandem.api.Signal} facts and record their verdict on the
 * {@code decision} global, a {@link Decision}.
 */
@Export
@Version("1.0.0")
package dev.tandem.api.rules;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
