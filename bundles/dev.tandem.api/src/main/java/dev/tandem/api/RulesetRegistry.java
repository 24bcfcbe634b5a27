package dev.tandem.api;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Deploys, lists and rolls back rule bundles. Activation is atomic: a decision never sees half a ruleset. */
@ProviderType
public interface RulesetRegistry {
    /** Every installed version of every ruleset, newest deployment last. */
    List<RulesetInfo> rulesets();

    Optional<RulesetInfo> active(String name);

    /**
     * Installs a rule bundle jar, compiles it, runs its scenarios and activates it.
     *
     * @throws RulesetRejectedException with every problem found; the previously active version keeps deciding
     */
    RulesetInfo deploy(InputStream bundleJar, String deployedBy) throws RulesetRejectedException;

    /**
     * Makes the previous version active again and retires the current one.
     *
     * @throws UnknownRulesetException no ruleset of that name is deployed
     * @throws IllegalStateException   the active version is the only one: nothing to roll back to
     */
    RulesetInfo rollback(String name, String requestedBy) throws UnknownRulesetException;
}
