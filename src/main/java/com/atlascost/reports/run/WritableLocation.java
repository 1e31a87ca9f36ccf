package com.atlascost.reports.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether the run can write a directory, without creating anything: an existing path must
 * be a writable directory (not a file, not a link to nothing); a missing one needs a
 * writable directory above it. Checked before a run starts (the reports directory, the H2
 * database's directory), so that a bad path is found before anything is fetched.
 */
public final class WritableLocation {

	private WritableLocation() {
	}

	/** Why {@code directory} cannot be written, or empty when it can. */
	public static Optional<String> problem(Path directory) {
		if (Files.isSymbolicLink(directory) && !Files.exists(directory)) {
			return Optional.of("is a link to nothing (" + target(directory) + ")");
		}
		if (Files.exists(directory)) {
			if (!Files.isDirectory(directory)) {
				return Optional.of("is not a directory");
			}
			return Files.isWritable(directory) ? Optional.empty()
					: Optional.of("is a directory this user cannot write to");
		}
		Path parent = directory.toAbsolutePath().getParent();
		while (parent != null && !Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
			parent = parent.getParent();
		}
		if (parent == null || !Files.isDirectory(parent)) {
			return Optional.of("cannot be created: " + parent + " is not a directory");
		}
		return Files.isWritable(parent) ? Optional.empty()
				: Optional.of("cannot be created: this user cannot write to " + parent);
	}

	private static String target(Path link) {
		try {
			return String.valueOf(Files.readSymbolicLink(link));
		}
		catch (IOException ex) {
			return "unreadable";
		}
	}

}
