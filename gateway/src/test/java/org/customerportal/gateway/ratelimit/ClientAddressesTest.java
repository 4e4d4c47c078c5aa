package org.customerportal.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.util.List;

import org.customerportal.gateway.ratelimit.ClientAddresses.ClientAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAddressesTest {

	private static final InetSocketAddress INGRESS = peer("10.42.0.7");

	private final ClientAddresses behindIngress = new ClientAddresses(List.of("10.42.0.0/16", "fd00:42::/64"));

	@Test
	void withoutTrustedProxiesTheHeaderIsIgnored() {
		ClientAddresses none = new ClientAddresses(List.of());

		assertThat(none.resolve(peer("198.51.100.4"), List.of("203.0.113.7")).address()).isEqualTo("198.51.100.4");
		assertThat(none.resolve(INGRESS, List.of("203.0.113.7")).address()).isEqualTo("10.42.0.7");
	}

	@Test
	void aClientTalkingToTheGatewayDirectlyCannotNameAnotherAddress() {
		assertThat(behindIngress.resolve(peer("198.51.100.4"), List.of("203.0.113.7")).address())
			.isEqualTo("198.51.100.4");
	}

	@Test
	void theAddressTheTrustedProxyAppendedWinsOverWhatTheClientWrote() {
		// the client sent "X-Forwarded-For: 1.2.3.4, 5.6.7.8"; the ingress appended the real peer
		ClientAddress client = behindIngress.resolve(INGRESS, List.of("1.2.3.4, 5.6.7.8, 203.0.113.7"));

		assertThat(client.address()).isEqualTo("203.0.113.7");
		assertThat(behindIngress.resolve(INGRESS, List.of("9.9.9.9, 203.0.113.7")).rateLimitKey())
			.isEqualTo(client.rateLimitKey());
	}

	@Test
	void severalTrustedProxiesAreSkippedFromTheRight() {
		ClientAddresses chain = new ClientAddresses(List.of("10.42.0.0/16", "192.0.2.10"));

		assertThat(chain.resolve(INGRESS, List.of("6.6.6.6, 203.0.113.7, 192.0.2.10, 10.42.3.3")).address())
			.isEqualTo("203.0.113.7");
		// repeated headers are one list, in order
		assertThat(chain.resolve(INGRESS, List.of("6.6.6.6, 203.0.113.7", "192.0.2.10")).address())
			.isEqualTo("203.0.113.7");
	}

	@Test
	void whenEveryHopIsTrustedTheLeftmostIsTheClient() {
		assertThat(behindIngress.resolve(INGRESS, List.of("10.42.9.9, 10.42.1.1")).address()).isEqualTo("10.42.9.9");
		assertThat(behindIngress.resolve(INGRESS, List.of()).address()).isEqualTo("10.42.0.7");
	}

	@Test
	void ipv6ClientsAreLimitedByTheirSlash64() {
		ClientAddress one = behindIngress.resolve(INGRESS, List.of("2001:db8:1:2::17"));
		ClientAddress other = behindIngress.resolve(peer("fd00:42::1"), List.of("[2001:db8:1:2:ffff::1]:443"));

		assertThat(one.address()).isEqualTo("2001:db8:1:2:0:0:0:17");
		assertThat(other.address()).isEqualTo("2001:db8:1:2:ffff:0:0:1");
		assertThat(one.rateLimitKey()).isEqualTo(other.rateLimitKey()).isEqualTo("2001:db8:1:2:0:0:0:0/64");
		assertThat(behindIngress.resolve(INGRESS, List.of("2001:db8:1:3::17")).rateLimitKey())
			.isNotEqualTo(one.rateLimitKey());
	}

	@Test
	void ipv4MappedAndPortedEntriesAreTheSameAddress() {
		assertThat(behindIngress.resolve(INGRESS, List.of("203.0.113.7:50123")).address()).isEqualTo("203.0.113.7");
		assertThat(behindIngress.resolve(INGRESS, List.of("::ffff:203.0.113.7")).address()).isEqualTo("203.0.113.7");
		// a mapped form of a trusted proxy is still trusted
		assertThat(behindIngress.resolve(INGRESS, List.of("203.0.113.7, ::ffff:10.42.1.1")).address())
			.isEqualTo("203.0.113.7");
	}

	@Test
	void garbageWhereAProxyShouldHaveWrittenAnAddressCountsAgainstThatProxy() {
		for (String header : List.of("203.0.113.7, unknown", "203.0.113.7,", "evil.example.com", "203.0.113.7, 1.2.3",
				"<script>", "203.0.113.7,,10.42.1.1", "999.1.1.1")) {
			ClientAddress client = behindIngress.resolve(INGRESS, List.of(header));

			assertThat(client.address()).as(header).isIn("10.42.0.7", "10.42.1.1");
		}
		// garbage the client wrote left of the real hop changes nothing
		assertThat(behindIngress.resolve(INGRESS, List.of("unknown, <x>, 203.0.113.7")).address())
			.isEqualTo("203.0.113.7");
	}

	@Test
	void trustedProxiesMustBeAddressesOrRanges() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("10\\.\\d+\\.\\d+\\.\\d+")))
			.withMessageContaining("is not an IP address or CIDR range");
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33")));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddresses(List.of("ingress.local")));
		assertThat(new ClientAddresses(List.of(" 10.0.0.0/8 ", "", "::1")).resolve(peer("10.1.1.1"), List.of("1.1.1.1"))
			.address()).isEqualTo("1.1.1.1");
	}

	private static InetSocketAddress peer(String address) {
		return new InetSocketAddress(address, 40000);
	}

}
