package dev.tandem.workbench.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;

import dev.tandem.workbench.core.RuleVocabulary;

/**
 * Proposes what fits where the cursor is: a queue inside {@code escalate("}, a field inside a
 * fact pattern's parentheses, otherwise fact types, keywords and a rule skeleton.
 */
final class DrlContentAssist implements IContentAssistProcessor {
    static final String RULE_SKELETON = """
            rule "a sentence a supervisor reads"
            when
                Signal( name == "humanRequest", value >= 0.7, $score : value )
            then
                decision.escalate("general", 80, "humanRequest " + $score);
            end
            """;
    private static final Pattern IN_ESCALATION = Pattern.compile("escalate\\s*\\(\\s*\"(\\w*)$");
    private static final Pattern IN_PATTERN = Pattern.compile("\\b([A-Z]\\w*)\\s*\\(([^()\"]*(\"[^\"]*\")?)*$");
    private static final Pattern WORD_BEFORE = Pattern.compile("[\\w-]*$");

    /** What completes the text before {@code offset}: the words to insert in place of the typed prefix. */
    static List<String> proposals(String text, int offset) {
        String before = text.substring(0, offset);
        String prefix = prefix(before);
        Matcher queue = IN_ESCALATION.matcher(before);
        if (queue.find()) {
            return startingWith(RuleVocabulary.queues(), prefix);
        }
        String line = before.substring(before.lastIndexOf('\n') + 1);
        Matcher pattern = IN_PATTERN.matcher(line);
        if (pattern.find() && RuleVocabulary.factTypes().contains(pattern.group(1))) {
            return startingWith(List.copyOf(RuleVocabulary.fields(pattern.group(1))), prefix);
        }
        List<String> words = new ArrayList<>(RuleVocabulary.factTypes());
        words.addAll(DrlScanner.KEYWORDS);
        List<String> proposals = startingWith(words, prefix);
        if ("rule".startsWith(prefix)) {
            proposals.add(RULE_SKELETON);
        }
        return proposals;
    }

    private static String prefix(String before) {
        Matcher word = WORD_BEFORE.matcher(before);
        return word.find() ? word.group() : "";
    }

    private static List<String> startingWith(List<String> words, String prefix) {
        return new ArrayList<>(words.stream().filter(w -> w.startsWith(prefix) && !w.equals(prefix)).toList());
    }

    /** The contributed rule templates, where a rule may start: at a word that begins {@code rule}. */
    static List<Contributions.Template> templates(String text, int offset) {
        String before = text.substring(0, offset);
        boolean ruleMayStart = "rule".startsWith(prefix(before)) && !IN_ESCALATION.matcher(before).find()
                && !IN_PATTERN.matcher(before.substring(before.lastIndexOf('\n') + 1)).find();
        return ruleMayStart ? Contributions.templates() : List.of();
    }

    @Override
    public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
        String text = viewer.getDocument().get();
        int prefixLength = prefix(text.substring(0, offset)).length();
        List<ICompletionProposal> proposals = new ArrayList<>();
        for (String word : proposals(text, offset)) {
            proposals.add(new CompletionProposal(word, offset - prefixLength, prefixLength, word.length(), null,
                    word.contains("\n") ? "rule skeleton" : word, null, null));
        }
        for (Contributions.Template template : templates(text, offset)) {
            proposals.add(new CompletionProposal(template.text(), offset - prefixLength, prefixLength,
                    template.text().length(), null, template.name() + " (template)", null, template.description()));
        }
        return proposals.toArray(ICompletionProposal[]::new);
    }

    @Override
    public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
        return new IContextInformation[0];
    }

    @Override
    public char[] getCompletionProposalAutoActivationCharacters() {
        return new char[] {'(', '"'};
    }

    @Override
    public char[] getContextInformationAutoActivationCharacters() {
        return new char[0];
    }

    @Override
    public String getErrorMessage() {
        return null;
    }

    @Override
    public IContextInformationValidator getContextInformationValidator() {
        return null;
    }
}
