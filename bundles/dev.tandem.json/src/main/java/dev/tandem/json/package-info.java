/**
 * The JSON wire format of Tandem's model: strict reading of interactions, with
 * errors that name the offending field, and writing of decisions, rulesets and
 * RFC 9457 problem details. Shared by the HTTP API, the engine's scenario files
 * and the workbench, so that all of them speak exactly the same JSON.
 */
@Export
@Version("1.2.0")
package dev.tandem.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
