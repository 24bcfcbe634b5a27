package dev.tandem.signals.intent.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Tandem intent signals",
        description = "Classifies the customer's latest message with the intent model of the interaction's domain.")
@interface IntentConfig {
    @AttributeDefinition(name = "Domain attribute", description = "The interaction attribute that names the model's domain.")
    String domainAttribute() default "domain";

    @AttributeDefinition(name = "Default domain", description = "Domain used when the interaction names none; empty: no intent then.")
    String defaultDomain() default "";

    /**
     * Eight, not five: a small domain's model spreads its chance thinly (its best intent may have 0.16), so an
     * intent that must reach a person can rank sixth with 0.09 (5-fold cross-validation, hint3-sofmattress).
     */
    @AttributeDefinition(name = "Candidates", description = "At most this many likely intents are reported, best first.")
    int candidates() default 8;

    @AttributeDefinition(name = "Candidate floor",
            description = "Intents below this probability are not reported (the best one always is): "
                    + "keep it at or below the lowest chance an intent rule asks for (0.05 in the default rules).")
    double candidateFloor() default 0.05;
}
