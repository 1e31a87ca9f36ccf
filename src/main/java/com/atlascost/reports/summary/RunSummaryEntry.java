package com.atlascost.reports.summary;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the run summary: what it says and its values, typed (counts as
 * {@link Long}, money as {@link BigDecimal}, months, text). An item whose value is one
 * list of things (calls by status, org-months not reconciled) has no argument when the
 * list is empty: it reads {@code none}.
 *
 * @param item what the line says
 * @param arguments the values its label and value patterns refer to
 */
public record RunSummaryEntry(RunSummaryItem item, List<Object> arguments) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)\\}");

	public RunSummaryEntry {
		arguments = List.copyOf(arguments);
	}

	static RunSummaryEntry of(RunSummaryItem item, Object... arguments) {
		return new RunSummaryEntry(item, List.of(arguments));
	}

	/** Whether the line lists nothing ({@code none}). */
	public boolean none() {
		return this.arguments.isEmpty() && this.item.value().contains("{0}");
	}

	/**
	 * The arguments as the English lines write them: amounts in plain decimals, to the
	 * cent as the report shows them (a stored amount may carry sub-cent digits).
	 */
	public List<String> textArguments() {
		return this.arguments.stream()
			.map((argument) -> (argument instanceof BigDecimal amount) ? Cents.round(amount).toPlainString()
					: String.valueOf(argument))
			.toList();
	}

	public String label() {
		return fill(this.item.label());
	}

	public String value() {
		return none() ? "none" : fill(this.item.value());
	}

	/** One pass, so an argument's own braces are never taken for a placeholder. */
	private String fill(String pattern) {
		List<String> text = textArguments();
		return PLACEHOLDER.matcher(pattern).replaceAll((placeholder) -> {
			int index = Integer.parseInt(placeholder.group(1));
			return Matcher.quoteReplacement((index < text.size()) ? text.get(index) : placeholder.group());
		});
	}

}
