package org.customerportal.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local realm's token signing key: deploy/keycloak/portal-realm.json carries a fixed RSA key (a local
 * development default), so its public half is known before Keycloak runs and the broker, which checks the
 * services' tokens against it, starts beside Keycloak instead of after it.
 */
record RealmSigningKey(String keyId, BigInteger modulus, BigInteger exponent) {

	private static final String KEY_PROVIDERS = "org.keycloak.keys.KeyProvider";

	/** The active imported RS256 key ({@code rsa} provider) of highest priority in the realm file. */
	static RealmSigningKey of(Path realmFile) {
		try {
			return of(new ObjectMapper().readTree(realmFile.toFile()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static RealmSigningKey of(JsonNode realm) {
		JsonNode providers = realm.path("components").path(KEY_PROVIDERS);
		JsonNode provider = StreamSupport.stream(providers.spliterator(), false)
			.filter(p -> p.path("providerId").asText().equals("rsa"))
			.filter(p -> !config(p, "active", "true").equals("false") && !config(p, "enabled", "true").equals("false"))
			.filter(p -> config(p, "algorithm", "RS256").equals("RS256"))
			.max(Comparator.comparingLong(p -> Long.parseLong(config(p, "priority", "0"))))
			.orElseThrow(() -> new LocalRunException("the local realm has no fixed signing key: add an 'rsa' key provider"
					+ " under components." + KEY_PROVIDERS + " (see deploy/keycloak/README.md)"));
		return fromPrivateKey(config(provider, "privateKey", ""));
	}

	/** A PKCS#8 RSA private key, PEM with or without its header lines, as Keycloak's imported key provider takes it. */
	static RealmSigningKey fromPrivateKey(String pem) {
		try {
			byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
			PublicKey publicKey = rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
			// Keycloak names a key by the SHA-256 of its encoded public key (KeyUtils.createKeyId)
			String keyId = base64Url(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
			return new RealmSigningKey(keyId, key.getModulus(), key.getPublicExponent());
		}
		catch (GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
			throw new LocalRunException("the local realm's signing key is not a PKCS#8 RSA private key: " + ex.getMessage(), ex);
		}
	}

	/** The JSON Web Key Set with this key alone, as Keycloak publishes it (the part a verifier reads). */
	String jwks() {
		return """
				{"keys":[{"kid":"%s","kty":"RSA","alg":"RS256","use":"sig","n":"%s","e":"%s"}]}
				""".formatted(keyId, base64Url(unsigned(modulus)), base64Url(unsigned(exponent)));
	}

	/** Whether a key set (Keycloak's {@code certs} endpoint) holds this key: false once someone changed the realm's keys. */
	boolean publishedIn(String jwks) {
		try {
			JsonNode keys = new ObjectMapper().readTree(jwks).path("keys");
			return StreamSupport.stream(keys.spliterator(), false).anyMatch(k -> keyId.equals(k.path("kid").asText()));
		}
		catch (IOException ex) {
			return false;
		}
	}

	void writeJwks(Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, jwks());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String config(JsonNode provider, String name, String fallback) {
		JsonNode values = provider.path("config").path(name);
		return values.isArray() && !values.isEmpty() ? values.get(0).asText() : fallback;
	}

	private static byte[] unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

	private static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
