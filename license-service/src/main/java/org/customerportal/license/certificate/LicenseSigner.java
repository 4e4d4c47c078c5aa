package org.customerportal.license.certificate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Signs with the configured Ed25519 private key. At start-up it checks that the configured public key
 * verifies what the private key signs, so a mismatched pair fails the start instead of every product.
 */
@Component
class LicenseSigner {

	static final String ALGORITHM = "Ed25519";

	/** The public half of the local development pair in application.yml: never valid outside a laptop. */
	static final String LOCAL_DEVELOPMENT_PUBLIC_KEY = "MCowBQYDK2VwAyEApVG8+VpA9GQPeV3HVZ4cxN2anaD+O6cxz28bl9ex0e0=";

	private static final Logger log = LoggerFactory.getLogger(LicenseSigner.class);

	private final PrivateKey privateKey;

	private final PublicKey publicKey;

	private final String keyId;

	LicenseSigner(SigningProperties properties) {
		if (properties.privateKey() == null || properties.privateKey().isBlank() || properties.publicKey() == null
				|| properties.publicKey().isBlank()) {
			throw new IllegalStateException(
					"Set PORTAL_LICENSE_SIGNING_PRIVATEKEY and PORTAL_LICENSE_SIGNING_PUBLICKEY (Ed25519, base64 PKCS#8 and X.509)");
		}
		try {
			KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
			this.privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(decode(properties.privateKey())));
			this.publicKey = keys.generatePublic(new X509EncodedKeySpec(decode(properties.publicKey())));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("The licence signing keys are not a valid Ed25519 pair in base64 "
					+ "PKCS#8 (private) and X.509 (public) form", ex);
		}
		byte[] probe = "licence signing key check".getBytes(StandardCharsets.UTF_8);
		if (!verify(probe, sign(probe))) {
			throw new IllegalStateException("PORTAL_LICENSE_SIGNING_PUBLICKEY is not the public half of PORTAL_LICENSE_SIGNING_PRIVATEKEY");
		}
		this.keyId = keyIdOf(publicKey);
		if (LOCAL_DEVELOPMENT_PUBLIC_KEY.equals(properties.publicKey().strip())) {
			log.warn("Licence certificates are signed with the LOCAL DEVELOPMENT key pair; set PORTAL_LICENSE_SIGNING_PRIVATEKEY "
					+ "and PORTAL_LICENSE_SIGNING_PUBLICKEY to a key pair of your own outside a developer's machine");
		}
	}

	byte[] sign(byte[] data) {
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initSign(privateKey);
			signature.update(data);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not sign", ex);
		}
	}

	boolean verify(byte[] data, byte[] signatureBytes) {
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initVerify(publicKey);
			signature.update(data);
			return signature.verify(signatureBytes);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	PublicKey publicKey() {
		return publicKey;
	}

	/** The first 8 bytes of the SHA-256 of the public key's X.509 encoding, in hex. */
	String keyId() {
		return keyId;
	}

	/** The 32-byte raw public key (the last 32 bytes of the X.509 encoding), for libraries such as libsodium. */
	byte[] rawPublicKey() {
		byte[] encoded = publicKey.getEncoded();
		return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
	}

	static String keyIdOf(PublicKey key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] decode(String base64) {
		return Base64.getMimeDecoder().decode(base64.strip());
	}

}
