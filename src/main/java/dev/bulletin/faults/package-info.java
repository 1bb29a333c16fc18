/**
 * How Bulletin lives with the failures of what it depends on (the database, the broker): a failing
 * part is logged once when it starts failing and once when it works again, not once per attempt.
 * Depends on nothing of Bulletin's.
 */
package dev.bulletin.faults;
