/**
 * Tandem's domain model and services: what an interaction is, what a routing
 * decision is, and the services that make and manage decisions.
 */
@Export
@Version("1.4.0")
package dev.tandem.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
