package org.customerportal.gateway.ratelimit;

import java.util.ArrayList;
import java.util.List;

import io.netty.util.NetUtil;

/**
 * IPv4 and IPv6 addresses and CIDR ranges ({@code 10.0.0.0/8}, {@code 192.168.1.7}, {@code fd00::/8}),
 * matched on the address bytes: never on text, never through DNS.
 */
final class AddressRanges {

	private record Range(byte[] network, int prefixLength) {

		boolean contains(byte[] address) {
			if (address.length != network.length) {
				return false;
			}
			int whole = prefixLength / 8;
			for (int i = 0; i < whole; i++) {
				if (address[i] != network[i]) {
					return false;
				}
			}
			int rest = prefixLength % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xff << (8 - rest)) & 0xff;
			return (address[whole] & mask) == (network[whole] & mask);
		}

	}

	private final List<Range> ranges;

	private AddressRanges(List<Range> ranges) {
		this.ranges = ranges;
	}

	/**
	 * @throws IllegalArgumentException naming the first entry that is neither an address nor a range
	 */
	static AddressRanges parse(List<String> entries) {
		List<Range> ranges = new ArrayList<>();
		for (String entry : entries) {
			String trimmed = entry.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			int slash = trimmed.indexOf('/');
			byte[] network = bytes(slash < 0 ? trimmed : trimmed.substring(0, slash));
			int prefix = network == null ? -1 : network.length * 8;
			if (network != null && slash >= 0) {
				prefix = prefixLength(trimmed.substring(slash + 1), network.length * 8);
			}
			if (network == null || prefix < 0) {
				throw new IllegalArgumentException("'" + trimmed + "' is not an IP address or CIDR range "
						+ "(e.g. 10.0.0.0/8, 192.168.1.7, fd00::/8)");
			}
			ranges.add(new Range(network, prefix));
		}
		return new AddressRanges(List.copyOf(ranges));
	}

	boolean isEmpty() {
		return ranges.isEmpty();
	}

	boolean contains(byte[] address) {
		for (Range range : ranges) {
			if (range.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The bytes of an IP literal (4 for IPv4, also for an IPv4-mapped IPv6 address; 16 for IPv6), or null
	 * for anything else: host names are not looked up.
	 */
	static byte[] bytes(String literal) {
		byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
		if (bytes == null || bytes.length == 4) {
			return bytes;
		}
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return bytes;
			}
		}
		if (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) {
			return new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] };
		}
		return bytes;
	}

	private static int prefixLength(String text, int max) {
		if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
			return -1;
		}
		int prefix = Integer.parseInt(text);
		return prefix <= max ? prefix : -1;
	}

}
