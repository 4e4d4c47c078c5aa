package org.customerportal.gateway.ratelimit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.web.server.ServerWebExchange;

/**
 * Who sent a request: the TCP peer, or — when the peer is one of the trusted proxies — the rightmost
 * address in {@code X-Forwarded-For} that is not a trusted proxy.
 * <p>
 * Walking from the right matters: a proxy appends the address it received the request from, so only the
 * entries it and the trusted proxies before it wrote can be believed; anything to the left of the first
 * untrusted hop came from the client and may be made up. An entry that is not an IP address where a
 * trusted proxy should have written one is not believed either: the request is then counted against the
 * proxy that forwarded it.
 */
final class ClientAddresses {

	static final String ATTRIBUTE = ClientAddresses.class.getName() + ".client";

	private static final String X_FORWARDED_FOR = "X-Forwarded-For";

	private final AddressRanges trustedProxies;

	ClientAddresses(List<String> trustedProxies) {
		this.trustedProxies = AddressRanges.parse(trustedProxies);
	}

	/** The client of this exchange, resolved once per request. */
	ClientAddress of(ServerWebExchange exchange) {
		ClientAddress known = exchange.getAttribute(ATTRIBUTE);
		if (known == null) {
			known = resolve(exchange.getRequest().getRemoteAddress(),
					exchange.getRequest().getHeaders().getOrEmpty(X_FORWARDED_FOR));
			exchange.getAttributes().put(ATTRIBUTE, known);
		}
		return known;
	}

	ClientAddress resolve(InetSocketAddress peer, List<String> forwardedFor) {
		if (peer == null || peer.getAddress() == null) {
			return ClientAddress.UNKNOWN;
		}
		byte[] hop = AddressRanges.bytes(peer.getAddress().getHostAddress());
		if (hop == null || trustedProxies.isEmpty() || !trustedProxies.contains(hop)) {
			return ClientAddress.of(hop != null ? hop : peer.getAddress().getAddress());
		}
		List<String> entries = entries(forwardedFor);
		for (int i = entries.size() - 1; i >= 0; i--) {
			byte[] address = AddressRanges.bytes(withoutPort(entries.get(i)));
			if (address == null) {
				// a trusted proxy wrote no address here: count the request against that proxy
				return ClientAddress.of(hop);
			}
			if (!trustedProxies.contains(address)) {
				return ClientAddress.of(address);
			}
			hop = address;
		}
		// every hop is a trusted proxy: the request started at the leftmost of them
		return ClientAddress.of(hop);
	}

	private static List<String> entries(List<String> headerValues) {
		List<String> entries = new ArrayList<>();
		for (String value : headerValues) {
			for (String entry : value.split(",", -1)) {
				entries.add(entry.strip());
			}
		}
		return entries;
	}

	/** {@code 203.0.113.7:4711} and {@code [2001:db8::7]:443}, as some proxies write them, without the port. */
	private static String withoutPort(String entry) {
		if (entry.startsWith("[")) {
			int end = entry.indexOf(']');
			return end > 0 ? entry.substring(1, end) : entry;
		}
		int colon = entry.indexOf(':');
		if (colon > 0 && colon == entry.lastIndexOf(':') && entry.indexOf('.') > 0) {
			return entry.substring(0, colon);
		}
		return entry;
	}

	/**
	 * A client's address. IPv6 clients are limited by their /64 network: one subscriber usually has a
	 * whole /64 and could otherwise pick a fresh address for every request.
	 */
	record ClientAddress(String address, String rateLimitKey) {

		static final ClientAddress UNKNOWN = new ClientAddress("unknown", "unknown");

		static ClientAddress of(byte[] bytes) {
			String text = text(bytes);
			if (bytes.length == 4) {
				return new ClientAddress(text, text);
			}
			byte[] network = Arrays.copyOf(Arrays.copyOf(bytes, 8), 16);
			return new ClientAddress(text, text(network) + "/64");
		}

		private static String text(byte[] bytes) {
			try {
				// from bytes: no lookup
				return InetAddress.getByAddress(bytes).getHostAddress();
			}
			catch (UnknownHostException ex) {
				throw new IllegalArgumentException(ex);
			}
		}

	}

}
