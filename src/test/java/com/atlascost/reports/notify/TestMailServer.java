package com.atlascost.reports.notify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server for tests: GreenMail in this JVM on a free loopback port, with one
 * user whose password a test can look for in everything delivery produced.
 */
public final class TestMailServer implements AutoCloseable {

	public static final String USER = "atlas-reports";

	public static final String PASSWORD = "mail-Pa55-never-shown";

	private final GreenMail greenMail;

	private TestMailServer(ServerSetup setup) {
		this.greenMail = new GreenMail(setup)
			.withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));
		this.greenMail.start();
	}

	/** Started on a free port. */
	public static TestMailServer start() {
		return new TestMailServer(ServerSetupTest.SMTP.dynamicPort());
	}

	/** Started on this port, e.g. the one a test used while the server was down. */
	public static TestMailServer startOn(int port) {
		return new TestMailServer(ServerSetupTest.SMTP.port(port));
	}

	public int port() {
		return this.greenMail.getSmtp().getPort();
	}

	/** The {@code spring.mail.*} arguments that point the application at this server. */
	public List<String> springArguments() {
		return springArguments(port());
	}

	public static List<String> springArguments(int port) {
		return List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + port, "--spring.mail.username=" + USER,
				"--spring.mail.password=" + PASSWORD,
				// no DNS look-up of this machine's name for the greeting
				"--spring.mail.properties.mail.smtp.localhost=localhost");
	}

	/** Every mail sent, once however many recipients it had. */
	public List<MimeMessage> messages() throws MessagingException {
		Map<String, MimeMessage> byId = new LinkedHashMap<>();
		for (MimeMessage message : this.greenMail.getReceivedMessages()) {
			byId.putIfAbsent(message.getMessageID(), message);
		}
		return List.copyOf(byId.values());
	}

	/** The mails one address's mailbox received. */
	public List<MimeMessage> messagesTo(String address) {
		return this.greenMail.findReceivedMessages((user) -> user.getEmail().equals(address), (message) -> true)
			.toList();
	}

	/** Every message as it went over the wire, for looking for what must not be there. */
	public String raw() throws IOException, MessagingException {
		StringBuilder all = new StringBuilder();
		for (MimeMessage message : messages()) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			message.writeTo(out);
			all.append(out.toString(java.nio.charset.StandardCharsets.UTF_8)).append('\n');
			all.append(text(message)).append('\n');
		}
		return all.toString();
	}

	public static List<String> addresses(Address[] addresses) {
		return (addresses != null) ? Arrays.stream(addresses).map(Address::toString).toList() : List.of();
	}

	public static List<String> to(Message message) throws MessagingException {
		return addresses(message.getRecipients(Message.RecipientType.TO));
	}

	public static List<String> cc(Message message) throws MessagingException {
		return addresses(message.getRecipients(Message.RecipientType.CC));
	}

	/** The plain text body. */
	public static String text(Part part) throws IOException, MessagingException {
		if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(text(multipart.getBodyPart(i)));
			}
			return text.toString();
		}
		return "";
	}

	/** The attachments' names and bytes, in order. */
	public static List<Attachment> attachments(Part part) throws IOException, MessagingException {
		List<Attachment> attachments = new ArrayList<>();
		if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			try (InputStream in = part.getInputStream()) {
				attachments.add(new Attachment(part.getFileName(), in.readAllBytes()));
			}
		}
		else if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				attachments.addAll(attachments(body));
			}
		}
		return attachments;
	}

	public void stop() {
		this.greenMail.stop();
	}

	@Override
	public void close() {
		stop();
	}

	/** An attachment as received. */
	public record Attachment(String name, byte[] bytes) {
	}

}
