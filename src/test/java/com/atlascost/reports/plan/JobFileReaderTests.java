package com.atlascost.reports.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JobFileReaderTests {

	private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	private static final String ORG = "5f0c2a3b4d5e6f7081920a1b";

	private final JobFileReader reader = new JobFileReader(validation.getValidator());

	@TempDir
	Path dir;

	@AfterAll
	static void closeValidation() {
		validation.close();
	}

	@Test
	void readsAFullJobFile() throws IOException {
		Path file = write("""
				name: finance-monthly
				lookbackMonths: 3
				groupBy: [projects, services]
				includePartialMatches: true
				organizations:
				  - id: %s
				    label: Acme Production
				    projects: all
				    clusters: [aaaaaaaaaaaaaaaaaaaaaaaa]
				    services: [Clusters, Storage]
				""".formatted(ORG));
		JobDefinition job = this.reader.read(file);
		assertThat(job.name()).isEqualTo("finance-monthly");
		assertThat(job.lookbackMonths()).isEqualTo(3);
		assertThat(job.groupings()).containsExactly(Grouping.PROJECTS, Grouping.SERVICES);
		assertThat(job.includePartialMatches()).isTrue();
		OrganizationScope org = job.organizations().get(0);
		assertThat(org.id()).isEqualTo(ORG);
		assertThat(org.label()).isEqualTo("Acme Production");
		assertThat(org.projects()).isEqualTo(IdSelection.all());
		assertThat(org.clusters()).isEqualTo(IdSelection.listed(List.of("aaaaaaaaaaaaaaaaaaaaaaaa")));
		assertThat(org.services()).isEqualTo(IdSelection.listed(List.of("Clusters", "Storage")));
	}

	@Test
	void appliesDefaults() throws IOException {
		Path file = write("""
				name: minimal
				groupBy: organizations
				organizations:
				  - id: %s
				""".formatted(ORG));
		JobDefinition job = this.reader.read(file);
		assertThat(job.lookbackMonths()).isEqualTo(6);
		assertThat(job.includePartialMatches()).isFalse();
		assertThat(job.groupings()).containsExactly(Grouping.ORGANIZATIONS);
		assertThat(job.organizations().get(0).label()).isEqualTo(ORG);
		assertThat(job.organizations().get(0).projects()).isEqualTo(IdSelection.notGiven());
	}

	@Test
	void badOrganizationIdNamesFileFieldAndValue() throws IOException {
		Path file = write(job("groupBy: [services]", "  - id: 12345"));
		assertProblems(file, file + ": organizations[0].id: '12345' must be a 24-character lowercase hex Atlas id");
	}

	@Test
	void tagsAreAListOfKeysOrAll() throws IOException {
		assertThat(this.reader.read(write(job("tags: [team, env]\ngroupBy: [services]", "  - id: " + ORG))).tags())
			.isEqualTo(TagKeys.of(java.util.List.of("team", "env")));
		assertThat(this.reader.read(write(job("tags: all\ngroupBy: [services]", "  - id: " + ORG))).tags())
			.isEqualTo(TagKeys.allKeys());
		assertThat(this.reader.read(write(job("groupBy: [services]", "  - id: " + ORG))).tags())
			.isEqualTo(TagKeys.none());
		Path bad = write(job("tags: [team, all, team]\ngroupBy: [services]", "  - id: " + ORG));
		assertProblems(bad, bad + ": tags[1]: 'all' must be a tag key ('all' stands alone: tags: all)",
				bad + ": tags[2]: 'team' is listed twice");
	}

	@Test
	void unknownServiceNamesTheService() throws IOException {
		Path file = write(job("groupBy: [services]", "  - id: " + ORG, "    services: [Clusters, Compute]"));
		assertProblems(file,
				file + ": organizations[0].services[1]: 'Compute' is not a Cost Explorer service; use one of "
						+ CostExplorerServices.ALL);
	}

	@Test
	void budgetsOfAnOrganizationAndItsProjectsAreRead() throws IOException {
		Path file = write(job("groupBy: [projects, services]", "  - id: " + ORG, "    monthlyBudget: 9000",
				"    projectBudgets:", "      6a1b2c3d4e5f60718293a4b1: 2000.50"));
		assertThat(this.reader.read(file).budgets()).containsExactly(
				new Budget(ORG, null, new java.math.BigDecimal("9000")),
				new Budget(ORG, "6a1b2c3d4e5f60718293a4b1", new java.math.BigDecimal("2000.50")));
	}

	@Test
	void badBudgetsNameFileFieldAndValue() throws IOException {
		Path negative = write(job("groupBy: [services]", "  - id: " + ORG, "    monthlyBudget: -5"));
		assertProblems(negative,
				negative + ": organizations[0].monthlyBudget: '-5' must be a positive amount of US dollars");
		Path file = write(job("groupBy: [services]", "  - id: " + ORG, "    monthlyBudget: 5", "    projectBudgets:",
				"      6a1b2c3d4e5f60718293a4b1: 100", "      storefront: 100"));
		assertProblems(file,
				file + ": organizations[0].projectBudgets.6a1b2c3d4e5f60718293a4b1: '100' needs groupBy 'projects':"
						+ " a project's spend is read off that grouping",
				file + ": organizations[0].projectBudgets.storefront: 'storefront' must be a project id"
						+ " (24-character lowercase hex)");
	}

	@Test
	void aBudgetWithFractionsOfACentIsRefused() throws IOException {
		Path file = write(job("groupBy: [services]", "  - id: " + ORG, "    monthlyBudget: 10.005"));
		assertProblems(file,
				file + ": organizations[0].monthlyBudget: '10.005' must be US dollars with at most 2 decimals");
	}

	@Test
	void unknownGroupingNamesTheGrouping() throws IOException {
		Path file = write(job("groupBy: [projects, regions]", "  - id: " + ORG));
		assertProblems(file,
				file + ": groupBy[1]: 'regions' is not a grouping; use organizations, projects, clusters or services");
	}

	@Test
	void groupingByClustersWithoutClusterIdsLeavesThemToDiscovery() throws IOException {
		Path file = write(job("groupBy: [clusters]", "  - id: " + ORG));
		assertThat(this.reader.read(file).organizations().get(0).clusters()).isEqualTo(IdSelection.notGiven());
	}

	@Test
	void clustersAllIsAccepted() throws IOException {
		Path file = write(job("groupBy: [clusters]", "  - id: " + ORG + "\n    clusters: all"));
		assertThat(this.reader.read(file).organizations().get(0).clusters()).isEqualTo(IdSelection.all());
	}

	@Test
	void emptyOrganizationsIsInvalid() throws IOException {
		Path file = write("name: empty\ngroupBy: [services]\norganizations: []\n");
		assertProblems(file, file + ": organizations: '[]' must list at least one organization");
	}

	@Test
	void missingFileIsNamed() {
		Path file = this.dir.resolve("nope.yml");
		assertProblems(file, file + ": job file not found");
	}

	@Test
	void yamlSyntaxErrorGivesTheLine() throws IOException {
		Path file = write("name: broken\ngroupBy: [services\norganizations:\n  - id: " + ORG + "\n");
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.reader.read(file))
			.satisfies((ex) -> {
				assertThat(ex.problems()).hasSize(1);
				assertThat(ex.problems().get(0)).startsWith(file + ": groupBy[1]: cannot read YAML (line 3, column ");
			});
	}

	@Test
	void unknownFieldIsNamed() throws IOException {
		Path file = write(job("groupBy: [services]", "  - id: " + ORG, "    projcts: all"));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.reader.read(file))
			.satisfies((ex) -> assertThat(ex.problems().get(0))
				.startsWith(file + ": organizations[0].projcts: cannot read YAML (line ")
				.contains("Unrecognized property \"projcts\""));
	}

	@Test
	void reportsEveryProblemAtOnce() throws IOException {
		Path file = write("""
				name: "bad name!"
				lookbackMonths: 0
				groupBy: [services]
				organizations:
				  - id: %s
				    projects: [xyz]
				  - id: %s
				""".formatted(ORG, ORG));
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.reader.read(file))
			.satisfies((ex) -> assertThat(ex.problems())
				.containsExactly(file + ": lookbackMonths: '0' must be at least 1", file
						+ ": name: 'bad name!' must be 1-64 letters, digits, '.', '_' or '-' (it names the report files)"));
		Path second = write("""
				name: ok
				groupBy: [services]
				organizations:
				  - id: %s
				    projects: [xyz]
				  - id: %s
				""".formatted(ORG, ORG));
		assertProblems(second,
				second + ": organizations[0].projects[0]: 'xyz' must be a 24-character lowercase hex Atlas id",
				second + ": organizations[1].id: '" + ORG + "' is listed twice");
	}

	@Test
	void readsTheFiscalYearStartAndTheBudgetBasis() throws IOException {
		Path file = write(job("groupBy: [services]", "  - id: " + ORG) + """
				fiscalYearStart: 4
				budgetBasis: usage
				""");
		JobDefinition job = this.reader.read(file);
		assertThat(job.accounting()).isEqualTo(new Accounting(4, Accounting.BudgetBasis.USAGE));
		assertThat(job.accounting().fiscalYearOf(java.time.YearMonth.of(2026, 3)))
			.isEqualTo(java.time.YearMonth.of(2025, 4));
		assertThat(job.accounting().fiscalYearOf(java.time.YearMonth.of(2026, 4)))
			.isEqualTo(java.time.YearMonth.of(2026, 4));
		Path defaults = write(job("groupBy: [services]", "  - id: " + ORG));
		assertThat(this.reader.read(defaults).accounting()).isEqualTo(new Accounting(1, Accounting.BudgetBasis.BILLED));
	}

	@Test
	void refusesAFiscalYearStartOutsideTheYearAndAnUnknownBudgetBasis() throws IOException {
		Path file = write(job("groupBy: [services]", "  - id: " + ORG) + """
				fiscalYearStart: 13
				""");
		assertProblems(file, file + ": fiscalYearStart: '13' must be a month number, 1 (January) to 12");
		Path basis = write(job("groupBy: [services]", "  - id: " + ORG) + """
				budgetBasis: invoice
				""");
		assertProblems(basis, basis + ": budgetBasis: 'invoice' is not a budget basis; use billed or usage");
	}

	@Test
	void readsTheDeliveryBlock() throws IOException {
		Path file = write(job("groupBy: [services]", "  - id: " + ORG) + """
				delivery:
				  email:
				    to: [finance@example.com, controller@example.com]
				    cc: audit@example.com
				    attach: [workbook, focus]
				  alerts:
				    email: [finops@example.com]
				    webhook: true
				""");
		Delivery delivery = this.reader.read(file).delivery();
		assertThat(delivery.to()).containsExactly("finance@example.com", "controller@example.com");
		assertThat(delivery.cc()).containsExactly("audit@example.com");
		assertThat(delivery.attach()).containsExactlyInAnyOrder(Delivery.Attachment.WORKBOOK,
				Delivery.Attachment.FOCUS);
		assertThat(delivery.alertEmails()).containsExactly("finops@example.com");
		assertThat(delivery.webhook()).isTrue();
		assertThat(delivery.mailsReport()).isTrue();
		assertThat(delivery.sendsAlerts()).isTrue();
	}

	@Test
	void deliveryDefaultsToTheWorkbookAndNoAlerts() throws IOException {
		Path file = write(job("groupBy: [services]", "  - id: " + ORG) + """
				delivery:
				  email:
				    to: finance@example.com
				""");
		Delivery delivery = this.reader.read(file).delivery();
		assertThat(delivery.attach()).containsExactly(Delivery.Attachment.WORKBOOK);
		assertThat(delivery.cc()).isEmpty();
		assertThat(delivery.sendsAlerts()).isFalse();
		assertThat(delivery.needsMail()).isTrue();
		assertThat(this.reader.read(write(job("groupBy: [services]", "  - id: " + ORG))).delivery().isEmpty()).isTrue();
	}

	@Test
	void webhookOnlyAlertsNeedNoMail() throws IOException {
		Path file = write(job("groupBy: [services]", "  - id: " + ORG) + """
				delivery:
				  alerts:
				    webhook: true
				""");
		Delivery delivery = this.reader.read(file).delivery();
		assertThat(delivery.needsMail()).isFalse();
		assertThat(delivery.mailsReport()).isFalse();
		assertThat(delivery.isEmpty()).isFalse();
	}

	@Test
	void badDeliverySettingsNameFileFieldAndValue() throws IOException {
		Path file = write(job("groupBy: [services]", "  - id: " + ORG) + """
				delivery:
				  email:
				    to: [finance@example.com, "finance at example.com"]
				    cc: ["a@b@c"]
				    attach: [workbook, pdf]
				  alerts:
				    email: []
				""");
		assertProblems(file, file + ": delivery.email.cc[0]: 'a@b@c' is not a mail address (name@example.com)",
				file + ": delivery.email.to[1]: 'finance at example.com' is not a mail address (name@example.com)");
		Path second = write(job("groupBy: [services]", "  - id: " + ORG) + """
				delivery:
				  email:
				    to: [finance@example.com]
				    attach: [workbook, pdf]
				  alerts:
				    webhook: false
				""");
		assertProblems(second, second + ": delivery.email.attach[1]: 'pdf' is not an attachment; use workbook or focus",
				second + ": delivery.alerts: '{}' must give email addresses or webhook: true");
		Path empty = write(job("groupBy: [services]", "  - id: " + ORG) + "delivery: {}\n");
		assertProblems(empty, empty + ": delivery: '{}' must give email, alerts or both");
		Path noRecipient = write(job("groupBy: [services]", "  - id: " + ORG) + "delivery:\n  email:\n    to: []\n");
		assertProblems(noRecipient, noRecipient + ": delivery.email.to: '[]' must list at least one recipient");
	}

	private void assertProblems(Path file, String... problems) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> this.reader.read(file))
			.satisfies((ex) -> assertThat(ex.problems()).containsExactly(problems));
	}

	private static String job(String groupBy, String... organizationLines) {
		return "name: test\n" + groupBy + "\norganizations:\n" + String.join("\n", organizationLines) + "\n";
	}

	private Path write(String yaml) throws IOException {
		Path file = this.dir.resolve("job-" + System.nanoTime() + ".yml");
		Files.writeString(file, yaml);
		return file;
	}

}
