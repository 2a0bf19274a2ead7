# Role avahi6: the avahi role (same fixture sets, ARG), its daemon using
# IPv6 only: it hears and answers mDNS on ff02::fb alone, publishing its
# AAAA records (a lab with --ipv6 gives it a global address). A browse that
# asks over IPv4 alone hears nothing of it.
# Sourced by lab.sh with LAB_PREFIX, LAB_STATE, LAB_DIR, ROLE_DIR set.

# shellcheck source=avahi.sh
source "$LAB_DIR/roles/avahi.sh"
AVAHI_USE_IPV4=no
AVAHI_USE_IPV6=yes
