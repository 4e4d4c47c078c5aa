package org.customerportal.license;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Signed licence certificates, verified the way docs/license-certificates.md tells a product to: with
 * the public key alone, over the payload's canonical JSON.
 */
class CertificateIntegrationTest extends LicenseIntegrationTest {

	@Test
	void aCertificateVerifiesWithThePublicKeyAndTamperingBreaksIt() throws Exception {
		Person alice = customer("alice");
		JsonNode license = buy(organizationOf(alice), Instant.now(), perpetual("DOCUMENT-SCANNER", 3), alice);
		String id = license.path("id").asString();

		JsonNode key = json(call(get("/api/licenses/public-key"), null), 200);
		assertThat(key.path("algorithm").asString()).isEqualTo("Ed25519");
		PublicKey publicKey = KeyFactory.getInstance("Ed25519")
			.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.path("publicKey").asString())));
		assertThat(Base64.getDecoder().decode(key.path("rawPublicKey").asString())).hasSize(32);

		JsonNode certificate = json(call(get("/api/licenses/" + id + "/certificate"), alice), 200);
		assertThat(certificate.path("format").asString()).isEqualTo("customer-portal-license-certificate");
		assertThat(certificate.path("keyId").asString()).isEqualTo(key.path("keyId").asString());
		JsonNode payload = certificate.path("payload");
		assertThat(payload.path("licenseId").asString()).isEqualTo(id);
		assertThat(payload.path("licenseKey").asString()).isEqualTo(license.path("key").asString());
		assertThat(payload.path("product").asString()).isEqualTo("DOCUMENT-SCANNER");
		assertThat(payload.path("type").asString()).isEqualTo("PERPETUAL");
		assertThat(payload.path("quota").asInt()).isEqualTo(3);
		assertThat(payload.path("expiresAt").isNull()).isTrue();
		assertThat(payload.path("maintenanceExpiresAt").asString())
			.isEqualTo(license.path("maintenanceExpiresAt").asString());
		byte[] signature = Base64.getDecoder().decode(certificate.path("signature").asString());

		assertThat(verifies(publicKey, payload, signature)).isTrue();

		ObjectNode moreQuota = (ObjectNode) payload.deepCopy();
		moreQuota.put("quota", 300);
		assertThat(verifies(publicKey, moreQuota, signature)).isFalse();
		ObjectNode otherProduct = (ObjectNode) payload.deepCopy();
		otherProduct.put("product", "BARCODE-READER");
		assertThat(verifies(publicKey, otherProduct, signature)).isFalse();
		ObjectNode neverExpires = (ObjectNode) payload.deepCopy();
		neverExpires.put("maintenanceExpiresAt", "2099-12-31");
		assertThat(verifies(publicKey, neverExpires, signature)).isFalse();
		byte[] flipped = signature.clone();
		flipped[10] ^= 0x01;
		assertThat(verifies(publicKey, payload, flipped)).isFalse();
		PublicKey otherKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
		assertThat(verifies(otherKey, payload, signature)).isFalse();
	}

	@Test
	void onlyThoseWhoSeeTheLicenseGetItsCertificate() throws Exception {
		Person alice = customer("alice");
		JsonNode license = buy(organizationOf(alice), Instant.now(), annual("BARCODE-READER", 1), alice);
		problem(call(get("/api/licenses/" + license.path("id").asString() + "/certificate"), customer("mallory")), 404);
		problem(call(get("/api/licenses/" + license.path("id").asString() + "/certificate"), null), 401);
	}

	/**
	 * What a product does offline: rebuild the canonical JSON of the payload (members sorted by name, no
	 * white space) and check the Ed25519 signature over its UTF-8 bytes.
	 */
	private static boolean verifies(PublicKey key, JsonNode payload, byte[] signature) throws Exception {
		Map<String, Object> sorted = new TreeMap<>();
		payload.properties().forEach(member -> sorted.put(member.getKey(), member.getValue()));
		byte[] canonical = JSON.writeValueAsString(sorted).getBytes(StandardCharsets.UTF_8);
		Signature verifier = Signature.getInstance("Ed25519");
		verifier.initVerify(key);
		verifier.update(canonical);
		try {
			return verifier.verify(signature);
		}
		catch (SignatureException ex) {
			return false; // a malformed signature does not verify either
		}
	}

}
