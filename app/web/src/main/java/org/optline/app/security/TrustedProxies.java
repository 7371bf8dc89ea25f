package org.optline.app.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} header Optline trusts, from the setting
 * {@code optline.trusted-proxies}: addresses or networks such as {@code 10.0.0.0/8} or
 * {@code fd00::/8}, separated by commas. With none set, every request's client is its direct peer.
 *
 * <p>A client can write any {@code X-Forwarded-For} it likes, and each proxy appends the address it
 * received the request from. So the client is the rightmost address that is not a trusted proxy: the
 * entries left of it could be forged.
 */
final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Hex digits, colons and dots with at least one colon: the characters of an IPv6 literal, so never a host name. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private record Network(byte[] address, int prefixLength) {

        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int fullBytes = prefixLength / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (candidate[i] != address[i]) {
                    return false;
                }
            }
            int restBits = prefixLength % 8;
            if (restBits == 0) {
                return true;
            }
            int mask = 0xFF << (8 - restBits) & 0xFF;
            return (candidate[fullBytes] & mask) == (address[fullBytes] & mask);
        }
    }

    private final List<Network> networks;

    private TrustedProxies(List<Network> networks) {
        this.networks = networks;
    }

    static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /**
     * Reads the setting's value.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or network
     */
    static TrustedProxies parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return none();
        }
        List<Network> networks = new ArrayList<>();
        for (String entry : setting.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int slash = trimmed.indexOf('/');
            String host = slash < 0 ? trimmed : trimmed.substring(0, slash);
            byte[] address = literal(host).orElseThrow(() -> invalid(trimmed));
            int prefix = address.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(trimmed.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw invalid(trimmed);
                }
                if (prefix < 0 || prefix > address.length * 8) {
                    throw invalid(trimmed);
                }
            }
            networks.add(new Network(address, prefix));
        }
        return new TrustedProxies(List.copyOf(networks));
    }

    boolean isEmpty() {
        return networks.isEmpty();
    }

    /**
     * Returns the client's address: {@code peer} itself unless it is a trusted proxy; otherwise the
     * rightmost address in the {@code X-Forwarded-For} values that is not a trusted proxy. When every
     * forwarded entry is trusted, the leftmost is the client. An entry that is not an IP literal ends
     * the search, and the last trusted address before it is returned.
     *
     * @param forwardedFor the header's values in the order received; several headers count as one list
     */
    String clientAddress(String peer, List<String> forwardedFor) {
        if (networks.isEmpty() || !trusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            Arrays.stream(value.split(",")).map(String::strip).filter(hop -> !hop.isEmpty()).forEach(hops::add);
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            Optional<byte[]> address = literal(hop);
            if (address.isEmpty()) {
                return client;
            }
            client = hop;
            if (!trusted(address.get())) {
                return hop;
            }
        }
        return client;
    }

    private boolean trusted(String address) {
        return literal(address).map(this::trusted).orElse(false);
    }

    private boolean trusted(byte[] address) {
        return networks.stream().anyMatch(network -> network.contains(address));
    }

    /**
     * Returns the bytes of an IPv4 or IPv6 literal, or empty for anything else. IPv4 is parsed here and
     * IPv6 only when the text has a colon, because {@link InetAddress#getByName} looks up in DNS any
     * text without a colon that is not a valid IPv4 literal.
     */
    private static Optional<byte[]> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (IPV4.matcher(text).matches()) {
            String[] parts = text.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) part;
            }
            return Optional.of(bytes);
        }
        if (!IPV6.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static IllegalArgumentException invalid(String entry) {
        return new IllegalArgumentException("optline.trusted-proxies contains '" + entry + "', which is not an IP "
                + "address or network. Use addresses or networks separated by commas, such as 10.0.0.0/8, 127.0.0.1.");
    }
}
