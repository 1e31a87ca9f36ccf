package com.atlascost.reports.plan;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * A job file's bytes as UTF-8 text. The JDK's own error ("Input length = 3") names
 * neither the file nor the place, so the decoding is done here, where the offset of the
 * first bad byte is known.
 */
final class Utf8JobFileText {

	private Utf8JobFileText() {
	}

	static String decode(Path file, byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			int offset = in.position();
			throw new InvalidInputException(
					file + ": not UTF-8: byte 0x" + HexFormat.of().withUpperCase().toHexDigits(bytes[offset])
							+ " at offset " + offset + "; save the job file as UTF-8");
		}
		decoder.flush(out);
		return out.flip().toString();
	}

}
