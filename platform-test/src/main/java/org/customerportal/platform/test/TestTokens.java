package org.customerportal.platform.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Signs access tokens shaped like Keycloak's with a key published on a local JWKS endpoint, so a
 * service under test validates them through its real resource-server path. By default a token is an
 * access token ({@code typ} {@code Bearer}) for the {@value #AUDIENCE} audience with a subject, as the
 * services require; the builder also makes the ones they refuse (an ID token, another audience, no
 * subject).
 */
public final class TestTokens {

	public static final String REALM_PATH = "/realms/portal";

	/** The audience the gateway and the services require by default. */
	public static final String AUDIENCE = "portal-api";

	private static volatile TestTokens instance;

	private final RSAKey key;

	private final RSAKey strangerKey;

	private final String issuer;

	private TestTokens(RSAKey key, RSAKey strangerKey, String issuer) {
		this.key = key;
		this.strangerKey = strangerKey;
		this.issuer = issuer;
	}

	public static TestTokens get() {
		if (instance == null) {
			synchronized (TestTokens.class) {
				if (instance == null) {
					instance = start();
				}
			}
		}
		return instance;
	}

	public String issuer() {
		return issuer;
	}

	public String jwkSetUri() {
		return issuer + "/protocol/openid-connect/certs";
	}

	/** A valid token for a customer with a verified e-mail. */
	public String customer(String subject, String email) {
		return token().subject(subject).email(email).sign();
	}

	/** A valid token for the vendor's support staff. */
	public String support(String subject, String email) {
		return token().subject(subject).email(email).roles("customer", "support").sign();
	}

	/** A valid token for the vendor's sales staff. */
	public String sales(String subject, String email) {
		return token().subject(subject).email(email).roles("customer", "sales").sign();
	}

	public Builder token() {
		return new Builder();
	}

	private static TestTokens start() {
		try {
			RSAKey key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
			RSAKey stranger = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
			String jwks = new JWKSet(key.toPublicJWK()).toString();
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext(REALM_PATH + "/protocol/openid-connect/certs", exchange -> {
				byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.setExecutor(null);
			server.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
			String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
			return new TestTokens(key, stranger, issuer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public final class Builder {

		private String subject = UUID.randomUUID().toString();

		private List<String> audience = List.of(AUDIENCE, "account");

		private String type = "Bearer";

		private String email;

		private boolean emailVerified = true;

		private String name;

		private List<String> roles = List.of("customer");

		private String tokenIssuer = issuer;

		private Instant expiresAt = Instant.now().plus(Duration.ofMinutes(30));

		private boolean wrongKey;

		public Builder subject(String subject) {
			this.subject = subject;
			return this;
		}

		/** Keycloak's audience claim; none at all when empty. */
		public Builder audience(String... audience) {
			this.audience = List.of(audience);
			return this;
		}

		/** An ID token, as Keycloak shapes it: {@code typ} {@code ID}, meant for the client that asked. */
		public Builder idToken() {
			this.type = "ID";
			return audience("portal-cli");
		}

		/** A token without a subject, like the ones Keycloak gives some clients (e.g. {@code admin-cli}). */
		public Builder withoutSubject() {
			this.subject = null;
			return this;
		}

		public Builder email(String email) {
			this.email = email;
			return this;
		}

		public Builder emailVerified(boolean verified) {
			this.emailVerified = verified;
			return this;
		}

		public Builder name(String name) {
			this.name = name;
			return this;
		}

		public Builder roles(String... roles) {
			this.roles = List.of(roles);
			return this;
		}

		public Builder issuer(String issuer) {
			this.tokenIssuer = issuer;
			return this;
		}

		public Builder expiresAt(Instant expiresAt) {
			this.expiresAt = expiresAt;
			return this;
		}

		/** Signs with a key the JWKS endpoint does not publish (same key id). */
		public Builder signedWithUnknownKey() {
			this.wrongKey = true;
			return this;
		}

		public String sign() {
			String mail = email != null ? email : (subject != null ? subject : "nobody") + "@example.com";
			JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
				.audience(audience.isEmpty() ? null : audience)
				.issuer(tokenIssuer)
				.issueTime(Date.from(expiresAt.minus(Duration.ofHours(1))))
				.expirationTime(Date.from(expiresAt))
				.jwtID(UUID.randomUUID().toString())
				.claim("email", mail)
				.claim("email_verified", emailVerified)
				.claim("name", name != null ? name : mail.substring(0, mail.indexOf('@')))
				.claim("preferred_username", mail)
				.claim("realm_access", Map.of("roles", roles))
				.claim("typ", type)
				.build();
			RSAKey signing = wrongKey ? strangerKey : key;
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signing.getKeyID()).build(),
					claims);
			try {
				jwt.sign(new RSASSASigner(signing));
			}
			catch (JOSEException ex) {
				throw new IllegalStateException(ex);
			}
			return jwt.serialize();
		}

	}

}
