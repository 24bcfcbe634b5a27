package dev.tandem.signals.language.internal;

/** How many letters a text has, and how many of them are Han characters: the script alone settles Chinese. */
record ScriptCount(int letters, int han) {
    private static final double HAN_SHARE = 0.3;

    static ScriptCount of(CharSequence text) {
        int letters = 0;
        int han = 0;
        for (int i = 0; i < text.length(); ) {
            int c = Character.codePointAt(text, i);
            i += Character.charCount(c);
            if (Character.isLetter(c)) {
                letters++;
                han += isHan(c) ? 1 : 0;
            }
        }
        return new ScriptCount(letters, han);
    }

    /** Han starts at U+2E80; the script look-up is a binary search, so Latin text skips it. */
    private static boolean isHan(int c) {
        return c >= 0x2E80 && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    boolean mostlyHan() {
        return letters > 0 && han >= letters * HAN_SHARE;
    }

    /** Mixed text such as "我的 card 被盗了" is still Chinese; the more Han, the surer. */
    double hanConfidence() {
        return Math.min(1.0, 0.5 + (double) han / letters);
    }
}
