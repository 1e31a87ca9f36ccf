package com.atlascost.reports.usage;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An amount as {@code usage_row.exact_amount} keeps it: every decimal Atlas sent (18 at
 * most), read back with the zeros the column pads it with taken off, but never fewer than
 * the two of a cent. {@code 12.500000000000000000} reads as {@code 12.50}, exactly as
 * Atlas sent it; {@code 0.004000000000000000} as {@code 0.004}.
 */
final class StoredAmount {

	/** The scale of {@code usage_row.exact_amount} (see V10). */
	static final int SCALE = 18;

	/**
	 * The digits before the point both amount columns hold ({@code amount} is
	 * {@code DECIMAL(19, 2)}).
	 */
	static final int INTEGER_DIGITS = 17;

	private StoredAmount() {
	}

	static BigDecimal read(ResultSet rs, String column) throws SQLException {
		BigDecimal stored = rs.getBigDecimal(column);
		BigDecimal stripped = stored.stripTrailingZeros();
		return (stripped.scale() < 2) ? stripped.setScale(2) : stripped;
	}

	/** Whether the column holds the amount without losing a digit. */
	static boolean fits(BigDecimal amount) {
		BigDecimal stripped = amount.stripTrailingZeros();
		return stripped.scale() <= SCALE && stripped.precision() - stripped.scale() <= INTEGER_DIGITS;
	}

}
