package dev.tandem.api;

/** ACTIVE decides; STANDBY is kept for rollback; FAILED was refused. */
public enum RulesetState { ACTIVE, STANDBY, FAILED }
