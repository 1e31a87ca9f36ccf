package com.atlascost.reports.run;

/**
 * The database's location cannot be written (see {@code DatabasePathCheck}): invalid
 * configuration, reported as exit {@code 2}.
 */
public class InvalidDatabasePathException extends IllegalStateException {

	InvalidDatabasePathException(String message) {
		super(message);
	}

}
