package com.atlascost.reports.notify;

import java.time.Clock;

import com.atlascost.reports.report.WorkbookProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Delivery's parts. The mail sender is Spring Boot's, present only when
 * {@code spring.mail.host} is set; {@link DeliveryPreflight} checks that.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

	@Bean
	Deliverer deliverer(ObjectProvider<JavaMailSender> mailSender, WebClient.Builder webClient, Environment environment,
			JdbcClient jdbc, PlatformTransactionManager transactionManager, DeliveryProperties properties, Clock clock,
			WorkbookProperties workbook) {
		return new Deliverer(new MailChannel(mailSender, properties),
				new WebhookChannel(webClient, environment, properties), new SentNotifications(jdbc, transactionManager),
				new AlertEvaluator(new AlertSettings(workbook.jumpThreshold(), workbook.jumpMinAmount())), properties,
				clock);
	}

	@Bean
	DeliveryPreflight deliveryPreflight(Environment environment, DeliveryProperties properties) {
		return new DeliveryPreflight(environment, properties);
	}

}
