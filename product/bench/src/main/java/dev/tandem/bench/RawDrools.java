package dev.tandem.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.utils.KieHelper;

import dev.tandem.api.Interaction;
import dev.tandem.api.Signal;
import dev.tandem.api.rules.Decision;

/**
 * The same DRL run the way a typical Drools user would: one KieBase, a new
 * stateless session per decision. A small listener gives the rules the same
 * semantics as in the engine (reasons name rules, escalations are visible to
 * {@code Decision( human )}), so both give the same answers.
 */
public final class RawDrools {
    private final KieBase kieBase;

    private RawDrools(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    public static RawDrools compile(Path drlFolder) throws IOException {
        KieHelper helper = new KieHelper();
        try (Stream<Path> files = Files.list(drlFolder)) {
            for (Path drl : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                helper.addContent(Files.readString(drl), drl.getFileName().toString());
            }
        }
        return new RawDrools(helper.build());
    }

    public Decision decide(Interaction interaction, List<Signal> signals) {
        Decision decision = new Decision();
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.setGlobal("decision", decision);
        session.addEventListener(new DecisionUpdater(decision));
        List<Object> facts = new ArrayList<>(signals.size() + 2);
        facts.add(decision);
        facts.add(interaction);
        facts.addAll(signals);
        session.execute(facts);
        return decision;
    }

    private static final class DecisionUpdater extends DefaultAgendaEventListener {
        private final Decision decision;
        private int seenChanges;

        DecisionUpdater(Decision decision) {
            this.decision = decision;
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            decision.ruleFiring(event.getMatch().getRule().getName());
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            if (decision.changeCount() != seenChanges) {
                seenChanges = decision.changeCount();
                KieSession session = (KieSession) event.getKieRuntime();
                session.update(session.getFactHandle(decision), decision);
            }
        }
    }
}
