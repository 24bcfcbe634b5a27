package dev.tandem.api.audit;

/**
 * The recorder's state.
 *
 * @param backlog           records accepted but not yet in the database (buffered or waiting in the journal)
 * @param spilledRecords    records that waited in the journal since start, because the database was down or the
 *                          decision rate too high for it
 * @param recordedRecords   records written to the database since start
 * @param databaseReachable whether the last attempt to write or connect succeeded
 * @param database          the database product and location, without credentials
 * @param lastError         the last database error, or null
 */
public record AuditStatus(long backlog, long spilledRecords, long recordedRecords, boolean databaseReachable,
                          String database, String lastError) {
}
