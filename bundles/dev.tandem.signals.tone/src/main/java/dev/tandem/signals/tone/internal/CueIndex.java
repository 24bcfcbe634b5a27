package dev.tandem.signals.tone.internal;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The cues of a {@link CueList} indexed so that one pass over a message finds those it contains: Latin-script
 * cues by their first word, looked up at each word start; cues that are one word ending in {@code *} by that
 * word, looked up for each beginning of a word; Chinese cues by their first character, looked up at each
 * character. Each candidate is then checked where it was looked up, so the index finds the same cues as
 * searching the text for each cue's needle, but reads only the few cues that can match instead of all of them.
 */
final class CueIndex {
    private final Table byFirstWord = new Table();
    private final Table byWordStart = new Table();
    private final Table byFirstCharacter = new Table();
    private final int longestWordStart;
    private final boolean characterCueStartsAscii;

    CueIndex(List<Cue> cues) {
        int longest = 0;
        boolean ascii = false;
        for (Cue cue : cues) {
            String needle = cue.needle();
            if (!cue.wholeWords()) {
                byFirstCharacter.add(needle.charAt(0), cue);
                ascii |= needle.charAt(0) < 0x80;
            } else if (cue.wordStart() && needle.indexOf(' ', 1) < 0) {
                byWordStart.add(needle.substring(1).hashCode(), cue);
                longest = Math.max(longest, needle.length() - 1);
            } else {
                int end = needle.indexOf(' ', 1);
                byFirstWord.add(needle.substring(1, end < 0 ? needle.length() : end).hashCode(), cue);
            }
        }
        longestWordStart = longest;
        characterCueStartsAscii = ascii;
    }

    /** Calls {@code found} with each cue the prepared text ({@link CueText}) contains, maybe more than once. */
    void forEachMatch(String cueText, Consumer<Cue> found) {
        for (int i = 0; i < cueText.length(); i++) {
            char c = cueText.charAt(i);
            if (c >= 0x80 || characterCueStartsAscii) {
                check(byFirstCharacter.get(c), cueText, i, found);
            }
            if (c == ' ') {
                wordAt(cueText, i, found);
            }
        }
    }

    /** The word after the space at {@code space}: its beginnings, then the whole word. */
    private void wordAt(String cueText, int space, Consumer<Cue> found) {
        int hash = 0;
        int end = space + 1;
        for (; end < cueText.length() && cueText.charAt(end) != ' '; end++) {
            hash = 31 * hash + cueText.charAt(end);
            if (end - space <= longestWordStart) {
                check(byWordStart.get(hash), cueText, space, found);
            }
        }
        if (end > space + 1) {
            check(byFirstWord.get(hash), cueText, space, found);
        }
    }

    private static void check(Cue[] candidates, String cueText, int at, Consumer<Cue> found) {
        for (Cue cue : candidates) {
            if (cueText.startsWith(cue.needle(), at)) {
                found.accept(cue);
            }
        }
    }

    /** Cues by an int key (a hash or a character), open addressing; a key's cues may share it with others. */
    private static final class Table {
        private static final Cue[] NONE = {};

        private int[] keys = new int[16];
        private Cue[][] cues = new Cue[16][];
        private int size;

        void add(int key, Cue cue) {
            if (size * 2 >= keys.length) {
                grow();
            }
            int slot = slotOf(key);
            if (cues[slot] == null) {
                keys[slot] = key;
                cues[slot] = new Cue[] {cue};
                size++;
            } else {
                cues[slot] = Arrays.copyOf(cues[slot], cues[slot].length + 1);
                cues[slot][cues[slot].length - 1] = cue;
            }
        }

        Cue[] get(int key) {
            Cue[] found = cues[slotOf(key)];
            return found == null ? NONE : found;
        }

        private int slotOf(int key) {
            int mask = keys.length - 1;
            int slot = (key ^ (key >>> 16)) & mask;
            while (cues[slot] != null && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            int[] oldKeys = keys;
            Cue[][] oldCues = cues;
            keys = new int[oldKeys.length * 2];
            cues = new Cue[oldKeys.length * 2][];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldCues[i] != null) {
                    int slot = slotOf(oldKeys[i]);
                    keys[slot] = oldKeys[i];
                    cues[slot] = oldCues[i];
                }
            }
        }
    }
}
