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

    @AttributeDefinition(name = "Candidates", description = "At most this many likely intents are reported, best first.")
    int candidates() default 5;

    @AttributeDefinition(name = "Candidate floor",
            description = "Intents below this probability are not reported (the best one always is): "
                    + "rules may escalate on a likely second intent, so keep it low.")
    double candidateFloor() default 0.02;
}
