package dev.tandem.signals.conversation.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Tandem conversation signals",
        description = "How the conversation is going: failed attempts, a customer repeating themselves, long waiting.")
@interface ConversationConfig {
    @AttributeDefinition(name = "Failed attempts attribute", description = "Attribute with the assistant's failed attempts so far.")
    String failedAttemptsAttribute() default "failedAttempts";

    @AttributeDefinition(name = "Too many failed attempts",
            description = "This many failed attempts give conversation.failedAttempts = 1; fewer give a share of it.")
    int tooManyFailedAttempts() default 3;

    @AttributeDefinition(name = "Waiting attribute", description = "Attribute with how long the customer has waited, in seconds.")
    String waitingAttribute() default "waitingSeconds";

    @AttributeDefinition(name = "Long wait", description = "Seconds of waiting that give conversation.waiting = 1.")
    int longWaitSeconds() default 300;

    @AttributeDefinition(name = "Repeat similarity",
            description = "Word overlap (Jaccard) from which a customer message counts as a repetition of an earlier one.")
    double repeatSimilarity() default 0.6;
}
