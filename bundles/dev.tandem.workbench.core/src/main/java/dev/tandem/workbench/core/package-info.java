/**
 * Headless rule tooling for analysts' rule projects: load, validate, run
 * scenarios, package the rule bundle, deploy it to an engine and roll it back.
 * The workbench UI and the {@code tandem rules} CLI are both built on it.
 */
@Export
@Version("1.1.0")
package dev.tandem.workbench.core;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
