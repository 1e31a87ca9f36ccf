package com.atlascost.reports.atlas.auth;

import org.springframework.boot.ExitCodeGenerator;

/**
 * Half of a credential pair is set. Names the missing variable only: the value of the
 * present one may be a secret. Exit code 2 because nothing was called.
 */
class IncompleteCredentialsException extends IllegalStateException implements ExitCodeGenerator {

	public IncompleteCredentialsException(String missing, String present) {
		super(missing + " is not set but " + present + " is: set both or neither");
	}

	@Override
	public int getExitCode() {
		return 2;
	}

}
