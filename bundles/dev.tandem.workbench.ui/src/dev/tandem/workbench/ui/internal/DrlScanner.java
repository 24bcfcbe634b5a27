package dev.tandem.workbench.ui.internal;

import java.util.List;

import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Display;

/** Colours DRL: keywords, fact types, strings, comments and queue names. */
final class DrlScanner extends RuleBasedScanner {
    static final List<String> KEYWORDS = List.of("package", "import", "global", "rule", "when", "then", "end",
            "salience", "no-loop", "not", "exists", "forall", "from", "accumulate", "collect", "eval", "and", "or",
            "matches", "contains", "memberOf", "declare", "function", "query", "true", "false", "null", "modify",
            "update", "insert", "retract", "delete", "agenda-group", "activation-group", "lock-on-active");
    static final List<String> FACT_TYPES = List.of("Interaction", "Signal", "Decision");

    DrlScanner() {
        Display display = Display.getDefault();
        IToken keyword = token(display, SWT.COLOR_DARK_MAGENTA, SWT.BOLD);
        IToken factType = token(display, SWT.COLOR_DARK_BLUE, SWT.BOLD);
        IToken string = token(display, SWT.COLOR_BLUE, SWT.NORMAL);
        IToken comment = token(display, SWT.COLOR_DARK_GREEN, SWT.ITALIC);
        WordRule words = new WordRule(new DrlWords(), Token.UNDEFINED);
        KEYWORDS.forEach(word -> words.addWord(word, keyword));
        FACT_TYPES.forEach(word -> words.addWord(word, factType));
        setRules(new IRule[] {new EndOfLineRule("//", comment), new MultiLineRule("/*", "*/", comment),
                new SingleLineRule("\"", "\"", string, '\\'), words});
    }

    private static IToken token(Display display, int colour, int style) {
        Color foreground = display.getSystemColor(colour);
        return new Token(new TextAttribute(foreground, null, style));
    }

    /** Words as DRL has them: {@code no-loop} and {@code agenda-group} include a dash. */
    private static final class DrlWords implements IWordDetector {
        @Override
        public boolean isWordStart(char c) {
            return Character.isJavaIdentifierStart(c);
        }

        @Override
        public boolean isWordPart(char c) {
            return Character.isJavaIdentifierPart(c) || c == '-';
        }
    }
}
