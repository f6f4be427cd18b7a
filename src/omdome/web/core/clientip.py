"""Who is asking: the client's address, and the key its requests are counted under."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, or behind OMDOME_TRUSTED_PROXIES proxies the address the outermost one saw.

    Only the proxies' own entries in X-Forwarded-For are trusted; anything a client puts in
    front of them is ignored.
    """
    connection = _address(request.META.get("REMOTE_ADDR") or "")
    proxies = getattr(settings, "OMDOME_TRUSTED_PROXIES", 0)
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(forwarded) >= proxies:
            # A header that is not an address must not make the client anonymous (and unlimited):
            # the connection's own address is counted then.
            return _address(forwarded[-proxies]) or connection
    return connection


def _address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def rate_key(ip: str) -> str:
    """IPv4 addresses one by one; IPv6 by /64, the block one household or server usually gets."""
    address = ipaddress.ip_address(ip)
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)
