package dev.tandem.audit.internal;

/** The last record of a chain: where the next one attaches. */
record ChainLink(long sequence, String hash) {
    static final ChainLink START = new ChainLink(0, HashChain.GENESIS);

    ChainLink next(AuditEntry entry) {
        long nextSequence = sequence + 1;
        return new ChainLink(nextSequence, HashChain.hash(hash, nextSequence, entry.values()));
    }
}
