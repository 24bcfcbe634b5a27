/**
 * The audit trail: every routing decision and every deployment event, recorded
 * with a hash chain and queryable. Implemented by the audit bundle; the HTTP API,
 * metrics and tools only read it.
 */
@Export
@Version("1.0.0")
package dev.tandem.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
