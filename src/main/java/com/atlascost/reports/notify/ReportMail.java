package com.atlascost.reports.notify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.atlascost.reports.forecast.BillingAmounts;
import com.atlascost.reports.plan.Delivery;

import org.springframework.core.io.FileSystemResource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.util.unit.DataSize;

/**
 * The report mail: subject naming the job, the months and whether any is provisional; a
 * body with each billing account's billed amount of the last closed month (its
 * organizations below) and the open month's accrual, as the Summary shows them; the
 * workbook (and the FOCUS CSV if asked) attached, or named with its path when larger than
 * {@code delivery.max-attachment-size}.
 */
class ReportMail {

	private final DeliveryRequest request;

	private final Spend spend;

	private final String sender;

	private final DataSize maxAttachmentSize;

	ReportMail(DeliveryRequest request, Spend spend, String sender, DataSize maxAttachmentSize) {
		this.request = request;
		this.spend = spend;
		this.sender = sender;
		this.maxAttachmentSize = maxAttachmentSize;
	}

	/** "finance-monthly: cost report 2026-01 to 2026-03 (2026-03 provisional)". */
	String subject() {
		String provisional = this.request.run()
			.provisionalMonths()
			.stream()
			.filter((month) -> !month.isBefore(this.request.run().from()) && !month.isAfter(this.request.run().to()))
			.map(YearMonth::toString)
			.collect(Collectors.joining(", "));
		return this.request.run().jobName() + ": cost report " + this.request.months()
				+ (provisional.isEmpty() ? " (final)" : " (" + provisional + " provisional)");
	}

	String body() throws IOException {
		DeliveryRequest.Run run = this.request.run();
		BillingAmounts amounts = this.request.amounts().billing();
		List<String> lines = new ArrayList<>();
		lines.add("The cost report of " + run.jobName() + " for " + this.request.months() + ".");
		BillLines bills = new BillLines(amounts);
		Optional<YearMonth> closed = BillLines.lastClosed(amounts, run.from(), run.to());
		if (closed.isPresent()) {
			lines.add("");
			lines.addAll(bills.billed(closed.get(), run.provisionalMonths().contains(closed.get())));
		}
		if (amounts.isOpen(run.to()) && !amounts.accruals().isEmpty()) {
			lines.add("");
			lines.addAll(bills.accrual(run.to()));
		}
		lines.add("");
		for (Path file : files()) {
			long size = Files.size(file);
			if (fits(size)) {
				lines.add("Attached: " + file.getFileName() + " (" + size + " bytes)");
			}
			else {
				lines.add("Not attached, larger than " + this.maxAttachmentSize.toMegabytes() + " MB: "
						+ file.getFileName() + " (" + size + " bytes) is at " + file.toAbsolutePath());
			}
		}
		lines.add("");
		lines.add("Sent by atlas-cost-reports. Amounts in US dollars; the workbook's Budgets, Projects and Services"
				+ " sheets have the details.");
		return String.join("\n", lines) + "\n";
	}

	void prepare(MimeMessage mime) throws MessagingException, IOException {
		MimeMessageHelper message = new MimeMessageHelper(mime, true, "UTF-8");
		message.setFrom(this.sender);
		message.setTo(this.request.job().delivery().to().toArray(String[]::new));
		if (!this.request.job().delivery().cc().isEmpty()) {
			message.setCc(this.request.job().delivery().cc().toArray(String[]::new));
		}
		message.setSubject(subject());
		message.setText(body());
		for (Path file : files()) {
			if (fits(Files.size(file))) {
				message.addAttachment(file.getFileName().toString(), new FileSystemResource(file));
			}
		}
		// Base64 for every attachment: a text file (the CSV) sent as 7bit or as
		// quoted-printable arrives with CRLF line ends, no longer the file on disk.
		MimeMultipart parts = message.getRootMimeMultipart();
		for (int i = 0; i < parts.getCount(); i++) {
			BodyPart part = parts.getBodyPart(i);
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				part.setHeader("Content-Transfer-Encoding", "base64");
			}
		}
	}

	/** What the job file asks to attach, in a fixed order. */
	List<Path> files() {
		List<Path> files = new ArrayList<>();
		if (this.request.job().delivery().attach().contains(Delivery.Attachment.WORKBOOK)) {
			files.add(this.request.files().workbook());
		}
		if (this.request.job().delivery().attach().contains(Delivery.Attachment.FOCUS)) {
			files.add(this.request.files().focusCsv());
		}
		return files;
	}

	/** The recipients, so a changed list gets its own mail. */
	String fingerprint() {
		return Alert.sha256(String.join(",", this.request.job().delivery().to()) + "|"
				+ String.join(",", this.request.job().delivery().cc()));
	}

	private boolean fits(long size) {
		return size <= this.maxAttachmentSize.toBytes();
	}

}
