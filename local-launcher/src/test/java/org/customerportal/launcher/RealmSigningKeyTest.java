package org.customerportal.launcher;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RealmSigningKeyTest {

	private static final Path REALM = Path.of("../deploy/keycloak/portal-realm.json");

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void namesTheLocalRealmsKeyAsKeycloakDoes() {
		// the kid Keycloak 26 published for this realm's key on its certs endpoint
		assertThat(RealmSigningKey.of(REALM).keyId()).isEqualTo("W2n7NJ7OokcJU9pnk0MPLbrSVx_ygxbwdDyT5xPmxOE");
	}

	@Test
	void publishesThePublicHalfOfTheKeyInTheRealmsCertificate() throws Exception {
		RealmSigningKey key = RealmSigningKey.of(REALM);
		JsonNode jwk = json.readTree(key.jwks()).path("keys").get(0);

		assertThat(jwk.path("kty").asText()).isEqualTo("RSA");
		assertThat(jwk.path("alg").asText()).isEqualTo("RS256");
		assertThat(jwk.path("use").asText()).isEqualTo("sig");
		RSAPublicKey certified = (RSAPublicKey) certificate(json.readTree(REALM.toFile())).getPublicKey();
		assertThat(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asText()))).isEqualTo(certified.getModulus());
		assertThat(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asText())))
			.isEqualTo(certified.getPublicExponent());
	}

	@Test
	void picksTheActiveRsaKeyOfHighestPriority() throws Exception {
		String pem = privateKey(json.readTree(REALM.toFile()));
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		String other = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
		JsonNode realm = json.readTree("""
				{"components":{"org.keycloak.keys.KeyProvider":[
				  {"providerId":"rsa","config":{"priority":["300"],"active":["false"],"privateKey":["%s"]}},
				  {"providerId":"rsa","config":{"priority":["100"],"privateKey":["%s"]}},
				  {"providerId":"rsa","config":{"priority":["200"],"privateKey":["%s"]}},
				  {"providerId":"hmac-generated","config":{"priority":["500"]}}]}}
				""".formatted(other, other, pem));

		assertThat(RealmSigningKey.of(realm)).isEqualTo(RealmSigningKey.of(REALM));
	}

	@Test
	void findsItsKeyInAKeySetOnlyByItsId() {
		RealmSigningKey key = RealmSigningKey.of(REALM);

		assertThat(key.publishedIn(key.jwks())).isTrue();
		assertThat(key.publishedIn("{\"keys\":[{\"kid\":\"another\",\"kty\":\"RSA\"}]}")).isFalse();
		assertThat(key.publishedIn("not json")).isFalse();
	}

	@Test
	void saysWhatIsMissingWhenTheRealmHasNoFixedKey() throws Exception {
		JsonNode realm = json.readTree("{\"components\":{\"org.keycloak.keys.KeyProvider\":[{\"providerId\":\"rsa-generated\"}]}}");

		assertThatThrownBy(() -> RealmSigningKey.of(realm)).isInstanceOf(LocalRunException.class)
			.hasMessageContaining("no fixed signing key");
		assertThatThrownBy(() -> RealmSigningKey.fromPrivateKey("not a key")).isInstanceOf(LocalRunException.class)
			.hasMessageContaining("not a PKCS#8 RSA private key");
	}

	private static JsonNode rsaProvider(JsonNode realm) {
		for (JsonNode provider : realm.path("components").path("org.keycloak.keys.KeyProvider")) {
			if (provider.path("providerId").asText().equals("rsa")) {
				return provider;
			}
		}
		throw new AssertionError("no rsa key provider in the realm");
	}

	private static String privateKey(JsonNode realm) {
		return rsaProvider(realm).path("config").path("privateKey").get(0).asText();
	}

	private static X509Certificate certificate(JsonNode realm) throws Exception {
		byte[] der = Base64.getMimeDecoder().decode(rsaProvider(realm).path("config").path("certificate").get(0).asText());
		return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
	}

}
