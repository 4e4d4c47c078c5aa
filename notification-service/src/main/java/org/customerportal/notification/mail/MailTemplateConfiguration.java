package org.customerportal.notification.mail;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

import org.customerportal.notification.NotificationProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Plain-text mail bodies: templates named {@code mail/*.txt} are read in Thymeleaf's TEXT mode, next to
 * the HTML ones the default resolver reads. And the threads of the mail worker's SMTP connections.
 */
@Configuration(proxyBeanMethods = false)
class MailTemplateConfiguration {

	@Bean
	SpringResourceTemplateResolver plainTextMailTemplates() {
		SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
		resolver.setPrefix("classpath:/templates/");
		resolver.setSuffix("");
		resolver.setResolvablePatterns(Set.of("mail/*.txt"));
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCacheable(true);
		resolver.setOrder(0);
		return resolver;
	}

	/** A thread per SMTP connection the worker opens at once ({@code senders}); the context stops them. */
	@Bean
	SimpleAsyncTaskExecutor mailSenders(NotificationProperties properties) {
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("mail-sender-");
		executor.setDaemon(true);
		executor.setConcurrencyLimit(properties.mail().senders());
		return executor;
	}

}
